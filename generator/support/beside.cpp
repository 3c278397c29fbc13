#include "generator/support/beside.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

namespace recipe {

struct Beside::Task {
  enum State { queued, running, done };

  std::function<void()> work;
  std::atomic<int> state{queued};
  std::exception_ptr error;

  // Runs the work unless another thread has claimed it.
  void run_if_unclaimed() {
    int expected = queued;
    if (!state.compare_exchange_strong(expected, running)) {
      return;
    }
    try {
      work();
    } catch (...) {
      error = std::current_exception();
    }
    work = nullptr;  // what it holds goes now, not whenever the last handle on the task does
    state.store(done, std::memory_order_release);
    state.notify_all();
  }

  // Drops the work unless another thread has claimed it; true if dropped.
  bool drop_if_unclaimed() {
    int expected = queued;
    if (!state.compare_exchange_strong(expected, done)) {
      return false;
    }
    work = nullptr;
    return true;
  }

  void wait_until_done() const {
    for (int seen = state.load(std::memory_order_acquire); seen != done; seen = state.load(std::memory_order_acquire)) {
      state.wait(seen, std::memory_order_acquire);
    }
  }
};

namespace {

class HelperThread {
 public:
  HelperThread() : m_thread([this] { serve(); }) {}
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;
  ~HelperThread() {
    {
      std::lock_guard lock(m_mutex);
      m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
  }

  void post(std::shared_ptr<Beside::Task> task) {
    {
      std::lock_guard lock(m_mutex);
      m_queue.push_back(std::move(task));
    }
    m_wake.notify_one();
  }

 private:
  void serve() {
    for (;;) {
      std::shared_ptr<Beside::Task> task;
      {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty()) {
          return;
        }
        task = std::move(m_queue.front());
        m_queue.pop_front();
      }
      task->run_if_unclaimed();
    }
  }

  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<std::shared_ptr<Beside::Task>> m_queue;
  bool m_stopping = false;
  std::thread m_thread;  // last: started once the members it uses exist
};

}  // namespace

Beside run_beside(std::function<void()> work) {
  static HelperThread helper;
  auto task = std::make_shared<Beside::Task>();
  task->work = std::move(work);
  helper.post(task);
  return Beside(std::move(task));
}

void run_here_and_beside(const std::function<void()>& work) {
  Beside helper = run_beside(work);
  work();
  helper.finish();
}

void Beside::finish() {
  m_task->run_if_unclaimed();
  m_task->wait_until_done();
  if (std::exception_ptr error = std::exchange(m_task->error, nullptr)) {
    std::rethrow_exception(error);
  }
}

Beside::~Beside() {
  // Work that has started may use the caller's frame, which is about to go: wait for it.
  if (m_task && !m_task->drop_if_unclaimed()) {
    m_task->wait_until_done();
  }
}

}  // namespace recipe
