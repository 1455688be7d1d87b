#include "MessageDelegate.h"

#include "MessageListModel.h"

#include <QApplication>
#include <QPainter>
#include <authkitqt/widgets/ThemeColors.h>

namespace {
constexpr int kAvatar = 32;
constexpr int kMargin = 6;
constexpr int kSpacing = 8;

QFont boldFont(QFont font)
{
    font.setBold(true);
    return font;
}
} // namespace

QString MessageDelegate::nameLine(const QModelIndex &index)
{
    const QString name = index.data(MessageListModel::AuthorNameRole).toString();
    return index.data(MessageListModel::OwnRole).toBool() ? tr("%1 (you)").arg(name) : name;
}

MessageDelegate::Layout MessageDelegate::layout(const QStyleOptionViewItem &option,
                                                const QModelIndex &index)
{
    const QRect area = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QFontMetrics nameMetrics(boldFont(option.font));
    const int textLeft = area.left() + kAvatar + kSpacing;
    const int textWidth = qMax(40, area.right() - textLeft);
    const QRect bodyBounds =
        option.fontMetrics.boundingRect(QRect(0, 0, textWidth, 100000), Qt::TextWordWrap,
                                        index.data(MessageListModel::BodyRole).toString());
    Layout parts;
    parts.avatar = QRect(area.left(), area.top(), kAvatar, kAvatar);
    parts.name = QRect(textLeft, area.top(), textWidth, nameMetrics.height());
    parts.body = QRect(textLeft, parts.name.bottom() + 2, textWidth, bodyBounds.height());
    return parts;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (opt.rect.width() <= 0 && opt.widget)
        opt.rect.setWidth(opt.widget->width());
    const Layout parts = layout(opt, index);
    const int height = qMax(parts.avatar.bottom(), parts.body.bottom()) - opt.rect.top() + kMargin;
    return {opt.rect.width(), height + 1};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the background, focus and selection from the style; the rest is ours
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    const bool own = index.data(MessageListModel::OwnRole).toBool();
    painter->save();
    if (own && !(opt.state & QStyle::State_Selected)) {
        // A tint of the palette's highlight: visible in light, dark and high-contrast themes.
        QColor tint = opt.palette.color(QPalette::Highlight);
        tint.setAlphaF(0.12f);
        painter->fillRect(opt.rect, tint);
    }
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const Layout parts = layout(opt, index);
    painter->setRenderHint(QPainter::Antialiasing);
    const QString seed = index.data(MessageListModel::AuthorIdRole).toString();
    painter->setPen(Qt::NoPen);
    painter->setBrush(authkit::theme::avatarColor(
        seed.isEmpty() ? index.data(MessageListModel::AuthorNameRole).toString() : seed));
    painter->drawEllipse(parts.avatar);
    QFont initialsFont = boldFont(opt.font);
    initialsFont.setPixelSize(kAvatar * 2 / 5);
    painter->setFont(initialsFont);
    painter->setPen(Qt::white);
    painter->drawText(parts.avatar, Qt::AlignCenter,
                      index.data(MessageListModel::InitialsRole).toString());

    const QPalette::ColorRole textRole =
        opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text;
    const QFont nameFont = boldFont(opt.font);
    const QString name = QFontMetrics(nameFont).elidedText(nameLine(index), Qt::ElideRight,
                                                           parts.name.width() * 2 / 3);
    painter->setFont(nameFont);
    painter->setPen(opt.palette.color(textRole));
    painter->drawText(parts.name, Qt::AlignLeft | Qt::AlignVCenter, name);
    const int timeLeft =
        parts.name.left() + QFontMetrics(nameFont).horizontalAdvance(name) + kSpacing;
    painter->setFont(opt.font);
    QColor dim = opt.palette.color(textRole);
    if (!(opt.state & QStyle::State_Selected))
        dim = opt.palette.color(QPalette::PlaceholderText);
    painter->setPen(dim);
    painter->drawText(
        QRect(timeLeft, parts.name.top(), parts.name.right() - timeLeft, parts.name.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        index.data(MessageListModel::RelativeTimeRole).toString());
    painter->setPen(opt.palette.color(textRole));
    painter->drawText(parts.body, Qt::TextWordWrap,
                      index.data(MessageListModel::BodyRole).toString());
    painter->restore();
}
