#include "LocalEmulatorProcess.h"

#include "DesktopLogging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <cstdio>

#include <sys/prctl.h>
#include <unistd.h>

namespace {
// app/emulator/main.cpp prints it after its two "listening" lines.
const QByteArray kReadyPrefix = QByteArrayLiteral("authkit-emulator ready ");
constexpr int kStopTimeoutMs = 5000;
constexpr int kStderrTailBytes = 2000;

bool isExecutable(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}
} // namespace

LocalEmulatorProcess::LocalEmulatorProcess(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setInputChannelMode(QProcess::ForwardedInputChannel);
    // Its own process group: a Ctrl+C in the terminal reaches only us, and we stop it in order.
    // Should we die without stopping it (SIGKILL, a crash), the kernel sends it SIGTERM: no
    // orphaned emulator keeps the port and the data folder.
    m_process.setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            &LocalEmulatorProcess::forwardStandardError);
    // Anything after the ready line is not ours to read; drained so the pipe never fills.
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] {
        if (m_baseUrl.isValid())
            m_process.readAllStandardOutput();
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        if (m_stopping || !m_baseUrl.isValid())
            return;
        const QString message = status == QProcess::CrashExit
                                    ? tr("The local AuthKit emulator stopped unexpectedly.")
                                    : tr("The local AuthKit emulator exited with code %1.").arg(code);
        qCWarning(lcDesktop).noquote() << message;
        Q_EMIT exitedUnexpectedly(message);
    });
}

LocalEmulatorProcess::~LocalEmulatorProcess()
{
    stop();
}

QString LocalEmulatorProcess::findExecutable(const QString &override)
{
    if (!override.isEmpty())
        return isExecutable(override) ? override : QString();
    const QString fromEnvironment = qEnvironmentVariable(kExecutableVariable);
    if (!fromEnvironment.isEmpty())
        return isExecutable(fromEnvironment) ? fromEnvironment : QString();
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(QStringLiteral("authkit-emulator")),
                                     here.filePath(QStringLiteral("../emulator/authkit-emulator"))}) {
        if (isExecutable(candidate))
            return QDir::cleanPath(candidate);
    }
    return QString();
}

bool LocalEmulatorProcess::start()
{
    const QString executable = findExecutable(m_options.executable);
    if (executable.isEmpty()) {
        m_error = tr("authkit-emulator was not found next to %1; install it there, or name it in "
                     "the %2 environment variable, or start one and pass --api-base-url.")
                      .arg(QCoreApplication::applicationDirPath(),
                           QLatin1String(kExecutableVariable));
        return false;
    }
    QStringList arguments;
    if (!m_options.dataDir.isEmpty())
        arguments << QStringLiteral("--data-dir") << m_options.dataDir;
    if (!m_options.seedFile.isEmpty())
        arguments << QStringLiteral("--seed") << m_options.seedFile;
    if (!m_options.convexAuthConfigFile.isEmpty())
        arguments << QStringLiteral("--convex-auth-config") << m_options.convexAuthConfigFile;
    for (const QString &clientId : m_options.extraClientIds)
        arguments << QStringLiteral("--client-id") << clientId;

    m_process.start(executable, arguments);
    if (!m_process.waitForStarted(m_options.startTimeoutMs)) {
        m_error = tr("Cannot run %1: %2").arg(executable, m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(m_options.startTimeoutMs);
    while (!m_baseUrl.isValid()) {
        if (m_process.canReadLine()) {
            if (!readReadyLine(m_process.readLine().trimmed()))
                return false;
            continue;
        }
        if (m_process.state() == QProcess::NotRunning
            || !m_process.waitForReadyRead(static_cast<int>(deadline.remainingTime()))) {
            forwardStandardError();
            if (m_process.state() == QProcess::NotRunning) {
                m_error = tr("The local AuthKit emulator exited before it was ready: %1")
                              .arg(lastErrorLine());
            } else {
                m_error = tr("The local AuthKit emulator did not say it was ready within %1 "
                             "seconds.")
                              .arg(m_options.startTimeoutMs / 1000);
                stop();
            }
            return false;
        }
    }
    return true;
}

bool LocalEmulatorProcess::readReadyLine(const QByteArray &line)
{
    if (!line.startsWith(kReadyPrefix))
        return true; // the two human-readable lines before it
    const QJsonObject ready = QJsonDocument::fromJson(line.mid(kReadyPrefix.size())).object();
    const QUrl base(ready.value(QLatin1String("baseUrl")).toString(), QUrl::StrictMode);
    const QUrl convex(ready.value(QLatin1String("convexUrl")).toString(), QUrl::StrictMode);
    if (!base.isValid() || base.host().isEmpty() || !convex.isValid()) {
        m_error = tr("The local AuthKit emulator's ready line cannot be read (an older "
                     "authkit-emulator?).");
        stop();
        return false;
    }
    const QJsonObject issuers = ready.value(QLatin1String("issuers")).toObject();
    for (auto it = issuers.begin(); it != issuers.end(); ++it)
        m_issuers.insert(it.key(), it.value().toString());
    m_convexUrl = convex;
    m_baseUrl = base;
    return true;
}

void LocalEmulatorProcess::forwardStandardError()
{
    const QByteArray chunk = m_process.readAllStandardError();
    if (chunk.isEmpty())
        return;
    std::fwrite(chunk.constData(), 1, static_cast<size_t>(chunk.size()), stderr);
    std::fflush(stderr);
    m_stderrTail.append(chunk);
    m_stderrTail = m_stderrTail.right(kStderrTailBytes);
}

QString LocalEmulatorProcess::lastErrorLine() const
{
    const QList<QByteArray> lines = m_stderrTail.trimmed().split('\n');
    const QString last = QString::fromUtf8(lines.last()).trimmed();
    return last.isEmpty() ? tr("exit code %1").arg(m_process.exitCode()) : last;
}

void LocalEmulatorProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_process.terminate();
    if (!m_process.waitForFinished(kStopTimeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(kStopTimeoutMs);
    }
    forwardStandardError();
}
