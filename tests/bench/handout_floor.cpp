// The floor of the handout benchmark: a bare libharu program that draws the text runs, lines
// and shapes of a dump (written by handout_bench_content) with the same embedded Noto Sans
// fonts and settings, and does nothing else: no layout, no measuring, no checks.
#include <cstdio>
#include <fstream>
#include <hpdf.h>
#include <sstream>
#include <string>

namespace {
void onError(HPDF_STATUS e, HPDF_STATUS d, void*) {
    std::fprintf(stderr, "libharu error 0x%04X (%u)\n", static_cast<unsigned>(e),
                 static_cast<unsigned>(d));
}
HPDF_REAL f(double v) {
    return static_cast<HPDF_REAL>(v);
}
} // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: handout_floor DUMP REGULAR.ttf BOLD.ttf OUT.pdf\n");
        return 2;
    }
    HPDF_Doc pdf = HPDF_New(onError, nullptr);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    HPDF_Font fonts[2] = {
        HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, argv[2], HPDF_TRUE), "UTF-8"),
        HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, argv[3], HPDF_TRUE), "UTF-8")};
    std::ifstream in(argv[1]);
    std::string line;
    HPDF_Page page = nullptr;
    double h = 0;
    while (std::getline(in, line)) {
        std::istringstream s(line);
        char kind = 0;
        s >> kind;
        if (kind == 'P') {
            double w = 0;
            s >> w >> h;
            page = HPDF_AddPage(pdf);
            HPDF_Page_SetWidth(page, f(w));
            HPDF_Page_SetHeight(page, f(h));
            HPDF_Page_SetLineCap(page, HPDF_ROUND_END);
            HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
        } else if (kind == 'T') {
            int face = 0;
            double size = 0, x = 0, y = 0, r = 0, g = 0, b = 0;
            s >> face >> size >> x >> y >> r >> g >> b;
            std::string text;
            std::getline(s, text);
            HPDF_Page_SetRGBFill(page, f(r), f(g), f(b));
            HPDF_Page_BeginText(page);
            HPDF_Page_SetFontAndSize(page, fonts[face], f(size));
            HPDF_Page_TextOut(page, f(x), f(h - y), text.c_str() + 1);
            HPDF_Page_EndText(page);
        } else if (kind == 'S') { // path: fill? stroke? width r g b fr fg fb closed n x y ...
            int fill = 0, stroke = 0, closed = 0, n = 0;
            double w = 0, r = 0, g = 0, b = 0, fr = 0, fg = 0, fb = 0;
            s >> fill >> stroke >> w >> r >> g >> b >> fr >> fg >> fb >> closed >> n;
            HPDF_Page_SetRGBStroke(page, f(r), f(g), f(b));
            HPDF_Page_SetRGBFill(page, f(fr), f(fg), f(fb));
            HPDF_Page_SetLineWidth(page, f(w));
            for (int i = 0; i < n; ++i) {
                double x = 0, y = 0;
                s >> x >> y;
                if (i == 0) {
                    HPDF_Page_MoveTo(page, f(x), f(h - y));
                } else {
                    HPDF_Page_LineTo(page, f(x), f(h - y));
                }
            }
            if (closed) {
                HPDF_Page_ClosePath(page);
            }
            if (fill && stroke) {
                HPDF_Page_FillStroke(page);
            } else if (fill) {
                HPDF_Page_Fill(page);
            } else {
                HPDF_Page_Stroke(page);
            }
        } else if (kind == 'C') { // circle: fill? stroke? width r g b fr fg fb cx cy radius
            int fill = 0, stroke = 0;
            double w = 0, r = 0, g = 0, b = 0, fr = 0, fg = 0, fb = 0, cx = 0, cy = 0, rad = 0;
            s >> fill >> stroke >> w >> r >> g >> b >> fr >> fg >> fb >> cx >> cy >> rad;
            HPDF_Page_SetRGBStroke(page, f(r), f(g), f(b));
            HPDF_Page_SetRGBFill(page, f(fr), f(fg), f(fb));
            HPDF_Page_SetLineWidth(page, f(w));
            HPDF_Page_Circle(page, f(cx), f(h - cy), f(rad));
            if (fill && stroke) {
                HPDF_Page_FillStroke(page);
            } else if (fill) {
                HPDF_Page_Fill(page);
            } else {
                HPDF_Page_Stroke(page);
            }
        }
    }
    const HPDF_STATUS st = HPDF_SaveToFile(pdf, argv[4]);
    HPDF_Free(pdf);
    return st == HPDF_OK ? 0 : 1;
}
