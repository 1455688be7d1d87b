#pragma once

#include <QWidget>
#include <authkitqt/widgets/authkitqt_widgets_export.h>

class QLabel;
class QProgressBar;

namespace authkit {

/**
 * The AuthGate's Loading page (the loading panel): shown while a stored session is being
 * restored and, with a Convex deployment, until the backend has confirmed the token.
 * Object names: loadingPage, loadingProgress.
 */
class AUTHKITQT_WIDGETS_EXPORT LoadingPage : public QWidget
{
    Q_OBJECT
public:
    /// Says "Restoring your session…" until told otherwise.
    explicit LoadingPage(QWidget *parent = nullptr);

    /// Restoring the session (the default) or connecting to the backend.
    void setConnectingToBackend(bool connecting);

private:
    QLabel *m_label;
    QProgressBar *m_progress;
};

} // namespace authkit
