#include "core/master_queue.hpp"

#include <chrono>

namespace aliasing::sim {

MasterQueue::Place::Place(Place&& other) noexcept : m_queue(other.m_queue), m_ticket(other.m_ticket)
{
    other.m_queue = nullptr;
}

MasterQueue::Place MasterQueue::join()
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    return Place(this, m_next_ticket++);
}

void MasterQueue::Place::wait_turn(const std::atomic<bool>* stopping)
{
    if (m_queue == nullptr) {
        return;
    }
    std::unique_lock<std::mutex> lock(m_queue->m_mutex);
    while (m_queue->m_head != m_ticket && (stopping == nullptr || !stopping->load())) {
        m_queue->m_changed.wait_for(lock, std::chrono::milliseconds(10));
    }
}

void MasterQueue::Place::leave()
{
    if (m_queue == nullptr) {
        return;
    }
    MasterQueue& queue = *m_queue;
    m_queue = nullptr;
    {
        const std::lock_guard<std::mutex> guard(queue.m_mutex);
        queue.m_left.insert(m_ticket);
        while (queue.m_left.erase(queue.m_head) != 0) {
            ++queue.m_head;
        }
    }
    queue.m_changed.notify_all();
}

}  // namespace aliasing::sim
