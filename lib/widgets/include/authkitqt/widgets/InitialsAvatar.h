#pragma once

#include <QColor>
#include <QWidget>
#include <authkitqt/widgets/authkitqt_widgets_export.h>

namespace authkit {

/**
 * A round badge with a person's initials, coloured from a stable seed (the user ID), for when
 * no profile picture is loaded (none is fetched: the views make no requests of their own).
 * Object name: avatar.
 */
class AUTHKITQT_WIDGETS_EXPORT InitialsAvatar : public QWidget
{
    Q_OBJECT
public:
    /// Grey and empty until setPerson().
    explicit InitialsAvatar(QWidget *parent = nullptr);

    /// Shows initials (e.g. WorkOSUser::initials()) on a colour chosen from seed.
    void setPerson(const QString &initials, const QString &seed);
    /// The initials shown.
    QString initials() const { return m_initials; }

    /// 64 × 64: the avatar has a fixed size.
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_initials;
    QColor m_color;
};

} // namespace authkit
