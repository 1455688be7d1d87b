#pragma once

#include <QColor>
#include <QString>
#include <authkitqt/widgets/authkitqt_widgets_export.h>

class QLabel;
class QPalette;

namespace authkit::theme {

/// The colours the views add to the palette (error text, notices, the impersonation banner, the
/// avatars), chosen for the palette in use so they stay readable in light, dark and
/// high-contrast themes: text meets WCAG 2's 4.5:1 contrast against what it is drawn on, and in
/// a high-contrast theme the palette's own colours are used unchanged.

/// WCAG 2 contrast ratio of two colours, 1 (same) to 21 (black on white).
AUTHKITQT_WIDGETS_EXPORT double contrastRatio(const QColor &a, const QColor &b);
/// The window background is darker than its text.
AUTHKITQT_WIDGETS_EXPORT bool isDark(const QPalette &palette);
/// Window text against window at 15:1 or more (black/white and yellow/black schemes).
AUTHKITQT_WIDGETS_EXPORT bool isHighContrast(const QPalette &palette);

/// A person's avatar colour, one hue per seed, dark enough for white initials (4.5:1).
AUTHKITQT_WIDGETS_EXPORT QColor avatarColor(const QString &seed);

enum class Tone {
    Error,   ///< text that says something went wrong, on the window background
    Notice,  ///< a boxed notice (the session is kept in memory only)
    Warning, ///< a strong banner (signed in as someone else: impersonation)
};

struct ToneColors
{
    QColor text;
    QColor background; ///< invalid for Error: the window's own
    bool bold = false;
};

AUTHKITQT_WIDGETS_EXPORT ToneColors toneColors(Tone tone, const QPalette &palette);

/// Gives label the tone's colours for the palette it inherits, and again whenever that palette
/// changes (the system switched between light and dark, or to high contrast).
AUTHKITQT_WIDGETS_EXPORT void applyTone(QLabel *label, Tone tone);

} // namespace authkit::theme
