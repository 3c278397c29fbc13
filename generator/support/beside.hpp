#pragma once

#include <functional>
#include <memory>

namespace recipe {

// Work handed to the helper thread with run_beside(). Finish it to have its outcome; a handle
// left unfinished (an exception on the way out, say) waits in its destructor for work the helper
// has started, discarding what it threw, and drops work it has not started.
class Beside {
 public:
  struct Task;

  explicit Beside(std::shared_ptr<Task> task) : m_task(std::move(task)) {}
  Beside(Beside&&) = default;
  Beside& operator=(Beside&&) = delete;
  ~Beside();

  // Wait for the work to end, or do it here if the helper has not started it yet (so that the
  // caller never waits behind other work); rethrows what the work threw.
  void finish();

 private:
  std::shared_ptr<Task> m_task;
};

// Run `work` on the helper thread: one thread kept for the whole process, for the work that a
// plan shares between two cores, started on first use. Starting a thread took 70 µs (median)
// to 190 µs (90th percentile) before it ran, on the 2-core VM this was measured on, and a plan
// handed work to a new thread four times; waking the waiting helper takes 26 µs. Work starts in
// the order given; `work` may itself use run_beside (finishing such work runs it in place).
Beside run_beside(std::function<void()> work);

// Run `work` on this thread and on the helper at once, for work that shares itself out (each
// copy takes items until none are left); returns when both copies have.
void run_here_and_beside(const std::function<void()>& work);

}  // namespace recipe
