#pragma once

#include <QStringList>

namespace authkit::emulator {

// The {{_ …}} texts of the page templates (resources/emulator/pages), listed where lupdate finds
// them so that the catalogues (translations/authkitqt_emulator_*.ts) have them.
// tst_emulator_units checks that this list and the templates agree.
QStringList pageTemplateTexts();

} // namespace authkit::emulator
