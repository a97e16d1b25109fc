#include "hepdesk/core/handout/Painter.h"

namespace hepdesk::handout {
namespace {

struct Dispatch {
    Painter& p;
    void operator()(const TextRun& c) const { p.drawText(c); }
    void operator()(const Line& c) const { p.drawLine(c); }
    void operator()(const Polyline& c) const { p.drawPolyline(c); }
    void operator()(const Circle& c) const { p.drawCircle(c); }
    void operator()(const Rect& c) const { p.drawRect(c); }
    void operator()(const Image& c) const { p.drawImage(c); }
};

} // namespace

void paintPage(const LayoutPage& page, Painter& painter) {
    painter.beginPage(page.width, page.height);
    const Dispatch d{painter};
    for (const DrawCommand& c : page.commands) {
        std::visit(d, c);
    }
    painter.endPage();
}

void paintPages(const std::vector<LayoutPage>& pages, Painter& painter) {
    for (const LayoutPage& page : pages) {
        paintPage(page, painter);
    }
}

} // namespace hepdesk::handout
