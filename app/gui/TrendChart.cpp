#include "TrendChart.h"

#include "DateText.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace hepdesk::gui {
namespace {

constexpr int kPanelMinHeight = 90;
constexpr int kLeftAxis = 64;
constexpr int kRightMargin = 48; // room for the last point's change label

QString formatValue(const TrendSeries& s, double v) {
    const double rounded = std::round(v * 10.0) / 10.0;
    return s.format.arg(QLocale().toString(rounded, 'g', 4));
}

} // namespace

TrendChart::TrendChart(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("trendChart"));
    setAccessibleName(tr("Trend of scores across sessions"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void TrendChart::setSeries(std::vector<TrendSeries> series) {
    // Measures with no data take no room: a neck patient has no ODI panel.
    series.erase(std::remove_if(series.begin(), series.end(),
                                [](const TrendSeries& s) { return s.points.empty(); }),
                 series.end());
    series_ = std::move(series);
    setAccessibleDescription(summary());
    updateGeometry();
    update();
}

bool TrendChart::isImportantChange(const TrendSeries& s, std::size_t i) {
    if (i == 0 || i >= s.points.size() || s.importantChange <= 0) {
        return false;
    }
    // A small epsilon so a 2-point NPRS change counts even after floating-point arithmetic.
    return std::abs(s.points[i].value - s.points.front().value) >= s.importantChange - 1e-9;
}

QString TrendChart::summary() const {
    if (series_.empty()) {
        return tr("No scores recorded yet.");
    }
    QStringList lines;
    for (const TrendSeries& s : series_) {
        const auto& first = s.points.front();
        const auto& last = s.points.back();
        QString line =
            tr("%1: %2 on %3").arg(s.name, formatValue(s, first.value), dateText(first.date));
        if (s.points.size() > 1) {
            const bool better =
                s.lowerIsBetter ? last.value < first.value : last.value > first.value;
            QString verdict = s.importantChange > 0 ? tr("no clinically important change")
                                                    : tr("no published threshold");
            if (isImportantChange(s, s.points.size() - 1)) {
                verdict = better ? tr("clinically important improvement")
                                 : tr("clinically important worsening");
            }
            line += tr(", now %1 on %2 (%3)")
                        .arg(formatValue(s, last.value), dateText(last.date), verdict);
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QSize TrendChart::sizeHint() const {
    return {520, std::max<int>(1, static_cast<int>(series_.size())) * 130 + 30};
}

QSize TrendChart::minimumSizeHint() const {
    return {320, std::max<int>(1, static_cast<int>(series_.size())) * kPanelMinHeight + 30};
}

void TrendChart::paintEvent(QPaintEvent* /*event*/) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QColor text = palette().color(QPalette::Text);
    const QFontMetrics fm(font());

    if (series_.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No scores recorded yet."));
        return;
    }

    // One shared axis of sessions, evenly spaced in visit order (two visits on one day stay
    // apart), each labelled with its date.
    std::vector<std::pair<int, QDate>> axis;
    for (const auto& s : series_) {
        for (std::size_t k = 0; k < s.points.size(); ++k) {
            const int key = s.points[k].session >= 0 ? s.points[k].session : static_cast<int>(k);
            axis.emplace_back(key, s.points[k].date);
        }
    }
    std::sort(axis.begin(), axis.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    axis.erase(std::unique(axis.begin(), axis.end(),
                           [](const auto& a, const auto& b) { return a.first == b.first; }),
               axis.end());

    const int axisHeight = fm.height() + 8;
    const int panels = static_cast<int>(series_.size());
    const int panelHeight = (height() - axisHeight) / panels;
    const int plotLeft = kLeftAxis;
    const int plotRight = width() - kRightMargin;
    const int plotWidth = std::max(10, plotRight - plotLeft);
    auto xAt = [&](std::size_t i) {
        if (axis.size() < 2) {
            return plotLeft + plotWidth / 2.0;
        }
        return plotLeft + static_cast<double>(i) / static_cast<double>(axis.size() - 1) * plotWidth;
    };
    auto xOf = [&](const TrendSeries::Point& pt, std::size_t k) {
        const int key = pt.session >= 0 ? pt.session : static_cast<int>(k);
        for (std::size_t i = 0; i < axis.size(); ++i) {
            if (axis[i].first == key) {
                return xAt(i);
            }
        }
        return xAt(0);
    };

    const QColor better(0x1B, 0x7F, 0x3A);
    const QColor worse(0xB0, 0x1E, 0x1E);
    const QColor line(0x1F, 0x4E, 0x9A);

    for (int i = 0; i < panels; ++i) {
        const TrendSeries& s = series_[static_cast<std::size_t>(i)];
        const QRect panel(0, i * panelHeight, width(), panelHeight);
        const int top = panel.top() + fm.height() + 6;
        const int bottom = panel.bottom() - 8;
        const double range = std::max(1e-9, s.maximum - s.minimum);
        auto yOf = [&](double v) {
            return bottom -
                   (std::clamp(v, s.minimum, s.maximum) - s.minimum) / range * (bottom - top);
        };

        // Title and scale.
        p.setPen(text);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(QRect(8, panel.top() + 2, width() - 16, fm.height() + 2),
                   Qt::AlignLeft | Qt::AlignVCenter, s.name);
        p.setFont(font());
        p.setPen(palette().color(QPalette::PlaceholderText));
        const QString hi = formatValue(s, s.maximum);
        const QString lo = formatValue(s, s.minimum);
        p.drawText(QRect(0, top - fm.height() / 2, plotLeft - 8, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, hi);
        p.drawText(QRect(0, bottom - fm.height() / 2, plotLeft - 8, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, lo);
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.drawLine(plotLeft, top, plotLeft, bottom);
        p.drawLine(plotLeft, bottom, plotRight, bottom);

        // The band around the first value inside which a change is not clinically important.
        const double base = s.points.front().value;
        if (s.importantChange > 0) {
            const double bandTop = yOf(base + s.importantChange);
            const double bandBottom = yOf(base - s.importantChange);
            p.fillRect(QRectF(plotLeft + 1, bandTop, plotWidth - 1, bandBottom - bandTop),
                       QColor(0x80, 0x80, 0x80, 40));
        }
        p.setPen(QPen(QColor(0x80, 0x80, 0x80), 1, Qt::DashLine));
        p.drawLine(QPointF(plotLeft, yOf(base)), QPointF(plotRight, yOf(base)));

        QPainterPath path;
        for (std::size_t k = 0; k < s.points.size(); ++k) {
            const QPointF pt(xOf(s.points[k], k), yOf(s.points[k].value));
            k == 0 ? path.moveTo(pt) : path.lineTo(pt);
        }
        p.setPen(QPen(line, 2));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);

        for (std::size_t k = 0; k < s.points.size(); ++k) {
            const QPointF pt(xOf(s.points[k], k), yOf(s.points[k].value));
            const bool important = isImportantChange(s, k);
            QColor c = line;
            if (important) {
                const bool improved =
                    s.lowerIsBetter ? s.points[k].value < base : s.points[k].value > base;
                c = improved ? better : worse;
                p.setPen(QPen(c, 2));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(pt, 7, 7);
                const double delta = s.points[k].value - base;
                const QString label = (delta > 0 ? QStringLiteral("+") : QString()) +
                                      QLocale().toString(std::round(delta * 10.0) / 10.0, 'g', 4);
                p.drawText(QPointF(pt.x() + 9, pt.y() - 6), label);
            }
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(pt, 3.5, 3.5);
        }
        // The latest value, in words, at the right of the title.
        p.setPen(text);
        p.drawText(QRect(8, panel.top() + 2, width() - 16, fm.height() + 2),
                   Qt::AlignRight | Qt::AlignVCenter,
                   tr("latest %1").arg(formatValue(s, s.points.back().value)));
    }

    // The session dates under the axis, skipping any that would overlap the previous one.
    p.setPen(palette().color(QPalette::PlaceholderText));
    const int y = height() - axisHeight + 4;
    double lastRight = -1e9;
    for (std::size_t i = 0; i < axis.size(); ++i) {
        const QString d = dateText(axis[i].second);
        const double w = fm.horizontalAdvance(d);
        const double left = std::clamp(xAt(i) - w / 2, 0.0, width() - w);
        if (left > lastRight + 8) {
            p.drawText(QPointF(left, y + fm.ascent()), d);
            lastRight = left + w;
        }
    }
}

} // namespace hepdesk::gui
