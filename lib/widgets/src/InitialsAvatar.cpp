#include <authkitqt/widgets/InitialsAvatar.h>

#include <authkitqt/widgets/ThemeColors.h>

#include <QPainter>

namespace authkit {

InitialsAvatar::InitialsAvatar(QWidget *parent)
    : QWidget(parent)
    , m_color(Qt::gray)
{
    setObjectName(QStringLiteral("avatar"));
    setFixedSize(sizeHint());
}

void InitialsAvatar::setPerson(const QString &initials, const QString &seed)
{
    m_initials = initials;
    m_color = theme::avatarColor(seed);
    setAccessibleName(tr("Avatar: %1").arg(initials));
    update();
}

QSize InitialsAvatar::sizeHint() const
{
    return {64, 64};
}

void InitialsAvatar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_color);
    painter.drawEllipse(rect().adjusted(1, 1, -1, -1));
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(height() * 2 / 5);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(rect(), Qt::AlignCenter, m_initials);
}

} // namespace authkit
