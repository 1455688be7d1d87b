#pragma once

#include <QWidget>

// The AuthGate's Loading page: shown while a stored session is being restored.
// Object names: loadingPage, loadingProgress.
class LoadingPage : public QWidget
{
    Q_OBJECT
public:
    explicit LoadingPage(QWidget *parent = nullptr);
};
