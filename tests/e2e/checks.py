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

    def summary(self, label="e2e"):
        """Print "LABEL: N passed, M failed" and return the exit code: 1 when any check failed."""
        print(f"{label}: {self.passes} passed, {len(self.failures)} failed")
        return 1 if self.failures else 0
