#include <authkitqt/core/Clock.h>

#include <QDateTime>
#include <QElapsedTimer>

#ifdef Q_OS_LINUX
#include <time.h>
#endif

namespace authkit {

namespace {
class SystemClock final : public Clock
{
public:
    SystemClock() { m_timer.start(); }

    qint64 monotonicMs() const override
    {
#ifdef Q_OS_LINUX
        // CLOCK_BOOTTIME keeps counting while the machine sleeps, so a token that expired during
        // a suspend is seen as expired on resume (CLOCK_MONOTONIC would stand still).
        timespec now{};
        if (clock_gettime(CLOCK_BOOTTIME, &now) == 0)
            return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
#endif
        return m_timer.elapsed();
    }

    qint64 wallSecs() const override { return QDateTime::currentSecsSinceEpoch(); }

private:
    QElapsedTimer m_timer;
};
} // namespace

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

} // namespace authkit
