#include "Vocabulary.h"

#include "hepdesk/core/LocalizedText.h"

#include <QComboBox>
#include <QCoreApplication>
#include <array>
#include <utility>

namespace hepdesk::gui {
namespace {

// The ids are the templates' vocabulary (templates/catalog, templates/rules); the labels are
// marked for lupdate here and translated at lookup time, in the "Vocabulary" context.
constexpr std::array<std::pair<std::string_view, const char*>, 49> kLabels = {{
    // body regions
    {"neck", QT_TRANSLATE_NOOP("Vocabulary", "Neck")},
    {"mid_back", QT_TRANSLATE_NOOP("Vocabulary", "Mid back")},
    {"low_back", QT_TRANSLATE_NOOP("Vocabulary", "Low back")},
    // sex
    {"unspecified", QT_TRANSLATE_NOOP("Vocabulary", "Unspecified")},
    {"female", QT_TRANSLATE_NOOP("Vocabulary", "Female")},
    {"male", QT_TRANSLATE_NOOP("Vocabulary", "Male")},
    {"other", QT_TRANSLATE_NOOP("Vocabulary", "Other")},
    // movements
    {"flexion", QT_TRANSLATE_NOOP("Vocabulary", "Flexion")},
    {"extension", QT_TRANSLATE_NOOP("Vocabulary", "Extension")},
    {"rotation", QT_TRANSLATE_NOOP("Vocabulary", "Rotation")},
    {"side_bend", QT_TRANSLATE_NOOP("Vocabulary", "Side bend")},
    {"traction", QT_TRANSLATE_NOOP("Vocabulary", "Traction")},
    {"soft_tissue", QT_TRANSLATE_NOOP("Vocabulary", "Soft tissue")},
    {"breathing", QT_TRANSLATE_NOOP("Vocabulary", "Breathing")},
    // positions
    {"standing", QT_TRANSLATE_NOOP("Vocabulary", "Standing")},
    {"sitting", QT_TRANSLATE_NOOP("Vocabulary", "Sitting")},
    {"lying_on_back", QT_TRANSLATE_NOOP("Vocabulary", "Lying on back")},
    {"lying_on_front", QT_TRANSLATE_NOOP("Vocabulary", "Lying on front")},
    {"all_fours", QT_TRANSLATE_NOOP("Vocabulary", "All fours")},
    {"kneeling", QT_TRANSLATE_NOOP("Vocabulary", "Kneeling")},
    {"lunge", QT_TRANSLATE_NOOP("Vocabulary", "Lunge")},
    {"hanging", QT_TRANSLATE_NOOP("Vocabulary", "Hanging")},
    // equipment
    {"mat", QT_TRANSLATE_NOOP("Vocabulary", "Mat")},
    {"bed", QT_TRANSLATE_NOOP("Vocabulary", "Bed")},
    {"chair", QT_TRANSLATE_NOOP("Vocabulary", "Chair")},
    {"pillow", QT_TRANSLATE_NOOP("Vocabulary", "Pillow")},
    {"towel", QT_TRANSLATE_NOOP("Vocabulary", "Towel")},
    {"ball", QT_TRANSLATE_NOOP("Vocabulary", "Ball")},
    {"foam_roller", QT_TRANSLATE_NOOP("Vocabulary", "Foam roller")},
    {"bar", QT_TRANSLATE_NOOP("Vocabulary", "Bar")},
    // score bands (NPRS, ODI, NDI)
    {"none", QT_TRANSLATE_NOOP("Vocabulary", "None")},
    {"mild", QT_TRANSLATE_NOOP("Vocabulary", "Mild")},
    {"moderate", QT_TRANSLATE_NOOP("Vocabulary", "Moderate")},
    {"severe", QT_TRANSLATE_NOOP("Vocabulary", "Severe")},
    {"complete", QT_TRANSLATE_NOOP("Vocabulary", "Complete")},
    {"minimal", QT_TRANSLATE_NOOP("Vocabulary", "Minimal")},
    {"crippling", QT_TRANSLATE_NOOP("Vocabulary", "Crippling")},
    {"bed_bound", QT_TRANSLATE_NOOP("Vocabulary", "Bed-bound")},
    // STarT Back risk groups
    {"low", QT_TRANSLATE_NOOP("Vocabulary", "Low")},
    {"medium", QT_TRANSLATE_NOOP("Vocabulary", "Medium")},
    {"high", QT_TRANSLATE_NOOP("Vocabulary", "High")},
    // screening groups
    {"cauda_equina", QT_TRANSLATE_NOOP("Vocabulary", "Cauda equina")},
    {"fracture", QT_TRANSLATE_NOOP("Vocabulary", "Fracture")},
    {"malignancy", QT_TRANSLATE_NOOP("Vocabulary", "Malignancy")},
    {"infection", QT_TRANSLATE_NOOP("Vocabulary", "Infection")},
    {"neurological", QT_TRANSLATE_NOOP("Vocabulary", "Neurological")},
    {"vascular", QT_TRANSLATE_NOOP("Vocabulary", "Vascular")},
    {"refer_monitor", QT_TRANSLATE_NOOP("Vocabulary", "Refer and monitor")},
    {"contraindication", QT_TRANSLATE_NOOP("Vocabulary", "Contraindication")},
}};

} // namespace

QString vocabularyLabel(std::string_view id) {
    for (const auto& [key, label] : kLabels) {
        if (key == id) {
            return QCoreApplication::translate("Vocabulary", label);
        }
    }
    QString s = QString::fromUtf8(id.data(), static_cast<qsizetype>(id.size()));
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!s.isEmpty()) {
        s[0] = s[0].toUpper();
    }
    return s;
}

void addLanguageItems(QComboBox& box) {
    for (std::string_view lang : kLanguages) {
        const std::string_view name = languageEndonym(lang);
        box.addItem(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())),
                    QString::fromUtf8(lang.data(), static_cast<qsizetype>(lang.size())));
    }
}

} // namespace hepdesk::gui
