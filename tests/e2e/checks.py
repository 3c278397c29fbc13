"""What every end-to-end test counts: checks that passed, and what each failed one expected."""


class Checks:
    def __init__(self):
        self.passes = 0
        self.failures = []

    def expect(self, ok, what):
        """Count `ok`; print and keep `what` (the expectation, with what was seen) when it fails."""
        if ok:
            self.passes += 1
        else:
            self.failures.append(what)
            print("FAIL: " + what)
        return ok
