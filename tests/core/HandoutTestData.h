#pragma once

#include "hepdesk/core/Assessment.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/handout/Handout.h"
#include "hepdesk/core/handout/HandoutWriter.h"

#include <string>
#include <vector>

namespace hepdesk::handout::test {

/// The writer with the shipped strings, styles, fonts and figures, loaded once.
const HandoutWriter& shippedWriter();
/// A small catalog built in code: three exercises (en + es) and three "avoid" entries.
std::vector<CatalogEntry> smallCatalog();
/// A routine request for smallCatalog(): cat_cow (with a caution), bird_dog, chin_tuck.
HandoutRequest routineRequest();

/// Text of every page of a PDF, extracted with Poppler.
std::vector<std::string> pdfPageTexts(const std::string& pdf);
/// Page `index` rasterized at `dpi` as 32-bit pixels (row-major), with its width.
struct Raster {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> pixels;
    bool operator==(const Raster&) const = default;
};
Raster rasterize(const std::string& pdf, int index, double dpi);
/// Runs `qpdf --check` on the bytes; returns its exit code and output.
std::pair<int, std::string> qpdfCheck(const std::string& pdf);
/// Whitespace collapsed to single spaces (PDF text extraction breaks lines anywhere).
std::string squash(const std::string& s);

} // namespace hepdesk::handout::test
