#pragma once

#include <QObject>
#include <QUrl>

// Opens web pages with xdg-open where the Qt platform has no desktop services of its own
// (offscreen, eglfs, linuxfb, minimal, vnc: a kiosk, a headless session, the tests), so the
// system-browser sign-in and the hosted logout still reach the user's browser there. Elsewhere
// QDesktopServices does it and this installs nothing.
class BrowserFallback : public QObject
{
    Q_OBJECT
public:
    // Installs it as QDesktopServices' http and https handler when the platform needs it; the
    // handler lives as long as parent.
    static void installIfNeeded(QObject *parent);
    ~BrowserFallback() override;

public Q_SLOTS:
    void openUrl(const QUrl &url);

private:
    explicit BrowserFallback(QObject *parent)
        : QObject(parent)
    {
    }
};
