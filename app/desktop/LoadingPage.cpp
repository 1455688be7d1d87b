#include "LoadingPage.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

LoadingPage::LoadingPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("loadingPage"));
    auto *label = new QLabel(tr("Restoring your session…"), this);
    label->setAlignment(Qt::AlignCenter);
    auto *progress = new QProgressBar(this);
    progress->setObjectName(QStringLiteral("loadingProgress"));
    progress->setRange(0, 0); // busy: the keychain and the refresh give no percentage
    progress->setTextVisible(false);
    progress->setMaximumWidth(320);
    progress->setAccessibleName(tr("Restoring your session"));

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(label);
    layout->addWidget(progress, 0, Qt::AlignHCenter);
    layout->addStretch();
}
