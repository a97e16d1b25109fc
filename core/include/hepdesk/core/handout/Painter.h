#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hepdesk::handout {

/// A point in layout space: PostScript points (1/72 inch), origin at the page's top-left,
/// y growing downwards (the convention of QPainter; the PDF painter flips y itself).
struct Point {
    double x = 0;
    double y = 0;
    bool operator==(const Point&) const = default;
};

/// An sRGB colour, each channel 0..255.
struct Color {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    bool operator==(const Color&) const = default;
};

/// The two faces of the handout's single family (Noto Sans).
enum class FontFace { Regular, Bold };

/// How a shape is outlined: width in points; every stroke has round caps and round joins
/// (so limbs of the figures end softly and polylines have no spikes).
struct Stroke {
    Color color;
    double width = 1;
    bool operator==(const Stroke&) const = default;
};

/// One line of text, already measured and broken by the layout: draw it as is, never wrap.
/// `origin` is the left end of the baseline.
struct TextRun {
    Point origin;
    FontFace face = FontFace::Regular;
    double size = 12; ///< font size in points
    Color color;
    std::string utf8;
};

/// A straight segment.
struct Line {
    Point from;
    Point to;
    Stroke stroke;
};

/// Connected segments; `closed` joins the last point to the first. When `fill` is set the
/// (closed) area is filled first, then outlined when `stroke` is set.
struct Polyline {
    std::vector<Point> points;
    bool closed = false;
    std::optional<Color> fill;
    std::optional<Stroke> stroke;
};

/// A circle: filled first when `fill` is set, then outlined when `stroke` is set.
struct Circle {
    Point center;
    double radius = 1;
    std::optional<Color> fill;
    std::optional<Stroke> stroke;
};

/// An axis-aligned rectangle; `topLeft` in layout space. Fill then stroke, like Circle.
struct Rect {
    Point topLeft;
    double width = 0;
    double height = 0;
    std::optional<Color> fill;
    std::optional<Stroke> stroke;
};

/// Encoded image bytes (PNG or JPEG: the clinic's logo, a custom exercise's photo).
struct ImageData {
    enum class Format { Png, Jpeg };
    Format format = Format::Png;
    std::string bytes;
    int pixelWidth = 0;  ///< upright, after the EXIF orientation
    int pixelHeight = 0; ///< upright, after the EXIF orientation
    /// A JPEG's EXIF orientation (1 to 8; 1 upright): a phone stores the sensor's pixels and
    /// this tag. The painters turn the picture upright when drawing it; bytes stay as given.
    int orientation = 1;
    std::string what; ///< names the image in errors ("photo of custom exercise wall_slide")
};

/// An image scaled to fill the box (the layout already kept its aspect ratio).
struct Image {
    Point topLeft;
    double width = 0;
    double height = 0;
    std::shared_ptr<const ImageData> data;
};

/// One drawing command of a laid-out page, in painting order.
using DrawCommand = std::variant<TextRun, Line, Polyline, Circle, Rect, Image>;

/// A laid-out page: its size in points and what to draw on it, back to front.
struct LayoutPage {
    double width = 0;
    double height = 0;
    std::vector<DrawCommand> commands;
};

/// What draws laid-out pages: the PDF painter (core) and the Qt painter (app).
/// A painter never measures, wraps or moves anything; it draws each command exactly where the
/// layout put it. Call order: for each page beginPage(), the commands, endPage().
class Painter {
public:
    virtual ~Painter() = default;
    virtual void beginPage(double width, double height) = 0;
    virtual void drawText(const TextRun& run) = 0;
    virtual void drawLine(const Line& line) = 0;
    virtual void drawPolyline(const Polyline& polyline) = 0;
    virtual void drawCircle(const Circle& circle) = 0;
    virtual void drawRect(const Rect& rect) = 0;
    virtual void drawImage(const Image& image) = 0;
    virtual void endPage() = 0;
};

/// Replays one page on `painter` (beginPage, every command in order, endPage).
void paintPage(const LayoutPage& page, Painter& painter);
/// Replays every page in order.
void paintPages(const std::vector<LayoutPage>& pages, Painter& painter);

} // namespace hepdesk::handout
