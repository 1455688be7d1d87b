#include <authkitqt/widgets/LoadingPage.h>

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace authkit {

LoadingPage::LoadingPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("loadingPage"));
    auto *label = m_label = new QLabel(this);
    label->setAlignment(Qt::AlignCenter);
    label->setTextFormat(Qt::PlainText);
    auto *progress = m_progress = new QProgressBar(this);
    progress->setObjectName(QStringLiteral("loadingProgress"));
    progress->setRange(0, 0); // busy: the keychain and the refresh give no percentage
    progress->setTextVisible(false);
    progress->setMaximumWidth(320);
    setConnectingToBackend(false);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(label);
    layout->addWidget(progress, 0, Qt::AlignHCenter);
    layout->addStretch();
}

void LoadingPage::setConnectingToBackend(bool connecting)
{
    m_label->setText(connecting ? tr("Connecting to the backend…") : tr("Restoring your session…"));
    m_progress->setAccessibleName(connecting ? tr("Connecting to the backend")
                                             : tr("Restoring your session"));
}

} // namespace authkit
