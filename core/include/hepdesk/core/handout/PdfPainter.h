#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/handout/Painter.h"

#include <filesystem>
#include <memory>
#include <string>

namespace hepdesk::handout {

/// Draws laid-out pages into a PDF with libharu: Noto Sans regular and bold embedded
/// (subset, UTF-8), compression on, no dates or random ids, so equal pages give equal bytes.
/// libharu's errors are recorded by its error handler (nothing is thrown or longjmp'd through
/// C); after the first one every drawing call is skipped and finish() reports it.
class PdfPainter final : public Painter {
public:
    struct Fonts {
        std::filesystem::path regular;
        std::filesystem::path bold;
    };
    /// A painter for a new document; fails when libharu cannot load a font.
    static Result<std::unique_ptr<PdfPainter>> create(const Fonts& fonts, std::string title);

    PdfPainter(const PdfPainter&) = delete;
    PdfPainter& operator=(const PdfPainter&) = delete;
    ~PdfPainter() override;

    void beginPage(double width, double height) override;
    void drawText(const TextRun& run) override;
    void drawLine(const Line& line) override;
    void drawPolyline(const Polyline& polyline) override;
    void drawCircle(const Circle& circle) override;
    void drawRect(const Rect& rect) override;
    void drawImage(const Image& image) override;
    void endPage() override;

    /// The whole PDF file, or the first libharu error (with its code) if any call failed.
    Result<std::string> finish();

    struct State; ///< libharu handles and the recorded error (defined in the .cpp)

private:
    explicit PdfPainter(std::unique_ptr<State> state);
    std::unique_ptr<State> s_;
};

} // namespace hepdesk::handout
