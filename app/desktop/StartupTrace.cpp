#include "StartupTrace.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QWidget>

Q_LOGGING_CATEGORY(lcStartup, "authkit.startup", QtWarningMsg)

namespace {

// Started during static initialisation: the earliest moment of ours in the process.
QElapsedTimer startTimer()
{
    QElapsedTimer timer;
    timer.start();
    return timer;
}
const QElapsedTimer g_sinceStart = startTimer();

QtMessageHandler g_previous = nullptr;

// Logs once, at the first paint of the widget it watches, then goes.
class FirstPaintWatcher : public QObject
{
public:
    FirstPaintWatcher(QWidget *widget, const char *name)
        : QObject(widget)
        , m_name(name)
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            StartupTrace::checkpoint(m_name);
            deleteLater();
        }
        return false;
    }

private:
    const char *m_name;
};

void stampingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "authkit.startup") == 0) {
        g_previous(type, context,
                   QStringLiteral("%1 ms %2").arg(StartupTrace::elapsedMs()).arg(message));
        return;
    }
    g_previous(type, context, message);
}

} // namespace

namespace StartupTrace {

void install()
{
    if (g_previous)
        return;
    g_previous = qInstallMessageHandler(stampingHandler);
    if (!g_previous)
        qInstallMessageHandler(nullptr); // nothing to chain to: unstamped lines, as before
}

qint64 elapsedMs()
{
    return g_sinceStart.elapsed();
}

void checkpoint(const char *name)
{
    qCDebug(lcStartup, "%s", name);
}

void watchFirstPaint(QWidget *widget, const char *name)
{
    if (lcStartup().isDebugEnabled())
        new FirstPaintWatcher(widget, name);
}

} // namespace StartupTrace
