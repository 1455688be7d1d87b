#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM, SIGINT and SIGHUP into QCoreApplication::quit(), so a desktop session ending
// (or a test stopping the app) still runs the destructors: window geometry saved, emulator
// stopped. The signal handler only writes a byte to a socket pair; the rest runs in the loop.
class QuitOnSignal : public QObject
{
    Q_OBJECT
public:
    explicit QuitOnSignal(QObject *parent = nullptr);
    ~QuitOnSignal() override;

private:
    static void onSignal(int signal);
    void onActivated();

    QSocketNotifier *m_notifier = nullptr;
};
