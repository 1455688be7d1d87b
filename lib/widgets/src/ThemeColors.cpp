#include <authkitqt/widgets/ThemeColors.h>

#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QPalette>
#include <QtMath>

namespace authkit::theme {
namespace {

double channel(double value)
{
    return value <= 0.03928 ? value / 12.92 : qPow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color)
{
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
           + 0.0722 * channel(color.blueF());
}

// Light and dark variants of each tone; the dark ones are the light ones' counterparts in
// Material's dark scheme, so a tone keeps its meaning across themes.
const QColor kErrorOnLight(0xb3, 0x26, 0x1e);
const QColor kErrorOnDark(0xf2, 0xb8, 0xb5);
const QColor kNoticeLightBackground(0xff, 0xf4, 0xce);
const QColor kNoticeLightText(0x4d, 0x3b, 0x00);
const QColor kNoticeDarkBackground(0x4d, 0x3b, 0x00);
const QColor kNoticeDarkText(0xff, 0xf4, 0xce);

// Re-applies a label's tone when the palette it inherits changes. It is the label's child, so
// it goes with it.
class ToneKeeper : public QObject
{
public:
    ToneKeeper(QLabel *label, Tone tone)
        : QObject(label)
        , m_label(label)
        , m_tone(tone)
    {
        setObjectName(QStringLiteral("authkit_tone_keeper"));
        label->installEventFilter(this);
        apply();
    }

    void setTone(Tone tone)
    {
        m_tone = tone;
        apply();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_label && !m_applying
            && (event->type() == QEvent::PaletteChange
                || event->type() == QEvent::ApplicationPaletteChange
                || event->type() == QEvent::ParentChange))
            apply();
        return false;
    }

private:
    // The palette the label would have without its tone: its parent's, else the application's.
    QPalette inherited() const
    {
        return m_label->parentWidget() ? m_label->parentWidget()->palette()
                                       : QApplication::palette(m_label);
    }

    void apply()
    {
        m_applying = true;
        const ToneColors colors = toneColors(m_tone, inherited());
        QPalette palette = inherited();
        palette.setColor(QPalette::WindowText, colors.text);
        palette.setColor(QPalette::Text, colors.text);
        if (colors.background.isValid())
            palette.setColor(QPalette::Window, colors.background);
        m_label->setPalette(palette);
        const bool boxed = colors.background.isValid();
        m_label->setAutoFillBackground(boxed);
        m_label->setFrameStyle(boxed ? (QFrame::Box | QFrame::Plain) : QFrame::NoFrame);
        m_label->setMargin(boxed ? 6 : 0);
        QFont font = m_label->font();
        font.setBold(colors.bold);
        m_label->setFont(font);
        m_applying = false;
    }

    QLabel *m_label;
    Tone m_tone;
    bool m_applying = false;
};

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

bool isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Window))
           < luminance(palette.color(QPalette::WindowText));
}

bool isHighContrast(const QPalette &palette)
{
    return contrastRatio(palette.color(QPalette::Window), palette.color(QPalette::WindowText))
           >= 15.0;
}

QColor avatarColor(const QString &seed)
{
    // Saturation 140 and value 120 keep white text at 4.6:1 or more for every hue.
    return QColor::fromHsv(static_cast<int>(qHash(seed) % 360), 140, 120);
}

ToneColors toneColors(Tone tone, const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    const bool highContrast = isHighContrast(palette);
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Error: {
        // In high contrast, and whenever the red would not stand out enough, the palette's own
        // text colour in bold carries the message.
        const QColor red = dark ? kErrorOnDark : kErrorOnLight;
        if (highContrast || contrastRatio(red, window) < 4.5)
            return {text, QColor(), true};
        return {red, QColor(), false};
    }
    case Tone::Notice:
        if (highContrast)
            return {text, window, false};
        return dark ? ToneColors{kNoticeDarkText, kNoticeDarkBackground, false}
                    : ToneColors{kNoticeLightText, kNoticeLightBackground, false};
    case Tone::Warning:
        if (highContrast)
            return {window, text, true}; // inverted: the strongest the palette has
        return {Qt::white, kErrorOnLight, true};
    }
    return {text, QColor(), false};
}

void applyTone(QLabel *label, Tone tone)
{
    // ToneKeeper has no meta-object of its own, so it is found by name and checked by RTTI.
    if (auto *keeper = dynamic_cast<ToneKeeper *>(label->findChild<QObject *>(
            QStringLiteral("authkit_tone_keeper"), Qt::FindDirectChildrenOnly))) {
        keeper->setTone(tone);
        return;
    }
    new ToneKeeper(label, tone);
}

} // namespace authkit::theme
