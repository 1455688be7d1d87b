#pragma once

#include <QUrl>

// Opens a web page in the user's browser: with QDesktopServices, else (Linux and the BSDs) with
// xdg-open, for Qt platforms whose services open no URL (offscreen, eglfs, linuxfb, minimal,
// vnc: a kiosk, a headless session, the tests). The app's user agents take it as their URL
// opener (FallbackUserAgent::setUrlOpener(), CustomSchemeUserAgent), so the system-browser
// sign-in and the hosted logout reach the browser there too, and QDesktopServices' handlers
// stay as Qt has them. False when neither could.
bool openInSystemBrowser(const QUrl &url);
