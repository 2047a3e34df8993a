#pragma once
// Elasticsearch's master applies cluster-state updates one at a time, in the order they reached it. The simulator
// does the same: a request that changes the cluster state takes its place in the queue when it arrives, and is
// applied only once every change that arrived before it has been applied or answered without being applied. So a
// `delay` fault on one change holds the changes behind it, as a slow task at the head of the master's queue does;
// reads and document requests never queue.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <set>

namespace aliasing::sim {

class MasterQueue {
public:
    /// One request's place in the queue; an empty place (for a request that changes no cluster state) never waits.
    class Place {
    public:
        Place() = default;
        Place(Place&& other) noexcept;
        Place& operator=(Place&&) = delete;
        ~Place() { leave(); }

        /// Blocks until every change that arrived earlier has left the queue (or the server is stopping).
        void wait_turn(const std::atomic<bool>* stopping);
        /// Leaves the queue (applied, or answered without applying); later changes may go on. Idempotent.
        void leave();

    private:
        friend class MasterQueue;
        Place(MasterQueue* queue, std::int64_t ticket) : m_queue(queue), m_ticket(ticket) {}
        MasterQueue* m_queue = nullptr;
        std::int64_t m_ticket = 0;
    };

    /// Takes the next place in arrival order.
    Place join();

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::int64_t m_next_ticket = 0;
    std::int64_t m_head = 0;            ///< the ticket whose turn it is
    std::set<std::int64_t> m_left;  ///< tickets that have left the queue while an earlier one still holds the head
};

}  // namespace aliasing::sim
