#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <functional>

namespace authkit::testsupport {

// Runs the event loop until done() or the deadline (QTest::qWaitFor without Qt Test, for the
// helpers the benchmarks share).
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!done())
            QThread::msleep(5);
    }
    return true;
}

} // namespace authkit::testsupport
