#include "EmulatorProcess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

namespace authkit::testsupport {

namespace {
const QByteArray kReadyPrefix = QByteArrayLiteral("authkit-emulator ready ");
}

EmulatorProcess::EmulatorProcess(QString program)
    : m_program(std::move(program))
{
}

EmulatorProcess::~EmulatorProcess()
{
    stop();
}

bool EmulatorProcess::start(const QStringList &arguments, int timeoutMs)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("QT_LOGGING_RULES")))
        environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                           QStringLiteral("authkit.emulator.info=false"));
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(m_program, arguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray output;
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        if (!m_process.canReadLine() && !m_process.waitForReadyRead(200))
            continue;
        while (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine().trimmed();
            output += line + '\n';
            if (!line.startsWith(kReadyPrefix))
                continue;
            const QJsonObject ready =
                QJsonDocument::fromJson(line.mid(kReadyPrefix.size())).object();
            m_baseUrl = QUrl(ready.value(QStringLiteral("baseUrl")).toString());
            m_convexUrl = QUrl(ready.value(QStringLiteral("convexUrl")).toString());
            if (m_baseUrl.isValid() && m_convexUrl.isValid())
                return true;
            m_error = QStringLiteral("unreadable ready line: ") + QString::fromUtf8(line);
            return false;
        }
    }
    m_error = QStringLiteral("no ready line within %1 ms; it printed: %2")
                  .arg(timeoutMs)
                  .arg(QString::fromUtf8(output));
    return false;
}

void EmulatorProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
        m_process.kill();
    m_process.waitForFinished(5000);
}

QUrl EmulatorProcess::endpoint(const QString &path) const
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    return url;
}

} // namespace authkit::testsupport
