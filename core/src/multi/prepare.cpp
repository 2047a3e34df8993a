// Several clusters: every cluster is prepared before any alias moves (docs/multi-cluster.md M5), several at once.
// A force-merge of a large generation takes hours; a primary and its twin in another region should merge side by
// side, not one after the other. Each cluster is prepared on its own thread with its own client, log and report
// view; a cluster waiting for a thread, or done, still needs its run lock renewed, which this thread does.
#include "multi_steps.hpp"

#include <algorithm>
#include <condition_variable>
#include <thread>

namespace aliasing::multi {
namespace {

const std::string kUnmoved = "no alias was moved on any cluster";

/// Force-merge, replicas and green on one cluster, with a safe point before each.
Status prepare(Member& member) {
    detail::StepContext& context = member.context;
    const Plan& plan = *member.plan;
    const auto started = std::chrono::steady_clock::now();
    if (auto status = context.safe_point(kUnmoved); !status) return status;
    if (auto status = detail::merge_new_indices(context, plan.merges); !status) return status;
    if (auto status = context.safe_point(kUnmoved); !status) return status;
    if (auto status = detail::set_replicas_and_wait(context, plan); !status) return status;
    member.log.step_done("prepare", "ready to swap", std::chrono::steady_clock::now() - started);
    return ok_status();
}

/// The run's shared state while clusters are prepared: which cluster is next, which failed, how many threads run.
class Preparation {
public:
    Preparation(Members& members, std::atomic<bool>& stop, const std::function<bool()>& interrupted)
        : m_members(members), m_errors(members.size()), m_stop(stop), m_interrupted(interrupted) {
        for (std::size_t i = 0; i < members.size(); ++i)
            if (members[i]->plan->outcome == PlanOutcome::Promote) m_queue.push_back(i);
    }

    std::size_t clusters() const { return m_queue.size(); }

    /// One thread's work: take the next cluster and prepare it, until none is left.
    void work() {
        for (std::size_t at; next(at);) {
            Member& member = *m_members[at];
            if (m_stop) {
                member.log.warn("prepare", "not started: another cluster could not be prepared");
                continue;
            }
            Status status = ok_status();
            {
                const std::lock_guard<std::mutex> busy(member.busy);
                status = prepare(member);
            }
            if (!status) failed(at, status.error());
        }
        {
            const std::lock_guard<std::mutex> guard(m_mutex);
            ++m_idle_threads;
        }
        m_changed.notify_all();
    }

    /// Until `threads` threads have run out of work: renew, when due, the lock of every cluster no thread holds.
    void renew_idle_locks(std::size_t threads) {
        std::unique_lock<std::mutex> guard(m_mutex);
        while (m_idle_threads < threads) {
            m_changed.wait_for(guard, std::chrono::milliseconds(100));
            guard.unlock();
            for (std::size_t i = 0; i < m_members.size(); ++i) {
                Member& member = *m_members[i];
                std::unique_lock<std::mutex> busy(member.busy, std::try_to_lock);
                if (!busy) continue;
                if (auto status = renew_lock(member, cluster::Renewal::IfDue); !status) failed(i, status.error());
            }
            guard.lock();
        }
    }

    /// The first cluster, in name order, that failed on its own (not stopped because another one failed).
    std::optional<PrepareFailure> failure() const {
        std::optional<PrepareFailure> first;
        for (std::size_t i = 0; i < m_members.size(); ++i) {
            if (!m_errors[i]) continue;
            if (!first) {
                first = PrepareFailure{m_members[i].get(), *m_errors[i], {}};
            } else if (m_errors[i]->kind != ErrorKind::Interrupted) {
                first->also_failed.push_back(m_members[i]->name + ": " + m_errors[i]->message);
            }
        }
        return first;
    }

private:
    bool next(std::size_t& at) {
        const std::lock_guard<std::mutex> guard(m_mutex);
        if (m_next == m_queue.size()) return false;
        at = m_queue[m_next++];
        return true;
    }

    // Stopped at a safe point because another cluster failed is not a failure of its own: only the run's
    // interruption (SIGTERM/SIGINT) is.
    void failed(std::size_t at, const Error& error) {
        const bool run_interrupted = m_interrupted && m_interrupted();
        if (error.kind == ErrorKind::Interrupted && m_stop && !run_interrupted) {
            m_members[at]->log.warn("prepare", "stopped at a safe point: another cluster could not be prepared");
            return;
        }
        {
            const std::lock_guard<std::mutex> guard(m_mutex);
            if (!m_errors[at]) m_errors[at] = error;
        }
        m_stop = true;
    }

    Members& m_members;
    std::vector<std::size_t> m_queue;  ///< the clusters that promote, in name order
    std::vector<std::optional<Error>> m_errors;  ///< per member
    std::atomic<bool>& m_stop;
    const std::function<bool()>& m_interrupted;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::size_t m_next = 0, m_idle_threads = 0;
};

}  // namespace

Status renew_lock(Member& member, cluster::Renewal when) {
    if (!member.lock) return ok_status();
    std::string warning;
    if (auto status = member.lock->heartbeat(member.context.client, when, &warning); !status) return status;
    if (!warning.empty()) member.log.warn("lock", warning);
    return ok_status();
}

std::optional<PrepareFailure> prepare_all(Members& members, std::size_t parallelism, RunLog& log,
                                          std::atomic<bool>& stop, const std::function<bool()>& interrupted) {
    Preparation preparation(members, stop, interrupted);
    if (preparation.clusters() == 0) return std::nullopt;
    const std::size_t threads = std::clamp<std::size_t>(parallelism, 1, preparation.clusters());
    log.info("prepare", "preparing " + std::to_string(preparation.clusters()) + " cluster" +
                            (preparation.clusters() == 1 ? "" : "s") + ", " + std::to_string(threads) + " at a time");
    std::vector<std::thread> workers;
    workers.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) workers.emplace_back([&preparation] { preparation.work(); });
    preparation.renew_idle_locks(threads);
    for (auto& worker : workers) worker.join();
    return preparation.failure();
}

}  // namespace aliasing::multi
