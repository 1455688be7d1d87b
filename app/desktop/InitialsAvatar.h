#pragma once

#include <QColor>
#include <QWidget>

// A round badge with a person's initials, coloured from a stable seed (the user ID), for when
// no profile picture is loaded (none is fetched: the app makes no requests besides AuthKit's).
// Object name: avatar.
class InitialsAvatar : public QWidget
{
    Q_OBJECT
public:
    explicit InitialsAvatar(QWidget *parent = nullptr);

    void setPerson(const QString &initials, const QString &seed);
    QString initials() const { return m_initials; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_initials;
    QColor m_color;
};
