#pragma once

#include <QDateTime>

namespace authkit::emulator {

// The emulator's notion of "now": the system clock plus an offset the control API can move, so
// tests can expire codes, tokens and sessions without waiting.
class EmulatorClock
{
public:
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs); }
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }
    void advance(qint64 seconds) { m_offsetMs += seconds * 1000; }
    qint64 offsetSeconds() const { return m_offsetMs / 1000; }

private:
    qint64 m_offsetMs = 0;
};

} // namespace authkit::emulator
