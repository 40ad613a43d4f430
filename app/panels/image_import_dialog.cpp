// Importing a picture as the input: grayscale or RGB, the grid size (8×8 to
// 256×256, e.g. 28×28 like MNIST), values 0–255 or 0–1, and a preview of the
// grid those options give.
#include <algorithm>
#include <string>

#include "app/document.h"
#include "app/image/image_file.h"
#include "app/panels/panels.h"
#include "app/widgets/grid_view.h"

namespace convstep {

namespace {

// The preview is decoded again only when the options change.
struct Preview {
  std::string path;
  ImageGridOptions options;
  Result<Tensor3> grid = Error{""};
};

bool SameOptions(const ImageGridOptions& a, const ImageGridOptions& b) {
  return a.rgb == b.rgb && a.height == b.height && a.width == b.width && a.scale == b.scale;
}

}  // namespace

void DrawImageImportDialog(AppState& state) {
  if (state.view.pending_image.empty()) return;
  static ImageGridOptions options;
  static Preview preview;
  if (preview.path != state.view.pending_image || !SameOptions(preview.options, options)) {
    preview = {state.view.pending_image, options, LoadImageGrid(state.view.pending_image, options)};
  }
  ImGui::OpenPopup("Import a picture");
  if (ImGui::BeginPopupModal("Import a picture", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(state.view.pending_image.c_str());
    int channels = options.rgb ? 1 : 0;
    ImGui::RadioButton("grayscale", &channels, 0);
    ImGui::SameLine();
    ImGui::RadioButton("RGB channels", &channels, 1);
    options.rgb = channels == 1;
    int size[2] = {options.height, options.width};
    ImGui::SetNextItemWidth(160.0f);
    if (ImGui::InputInt2("grid rows, columns", size)) {
      options.height = std::clamp(size[0], kMinImageGridSide, kMaxGridSide);
      options.width = std::clamp(size[1], kMinImageGridSide, kMaxGridSide);
    }
    int scale = options.scale == 1 ? 1 : 0;
    ImGui::RadioButton("values 0-255", &scale, 0);
    ImGui::SameLine();
    ImGui::RadioButton("values 0-1", &scale, 1);
    options.scale = scale == 1 ? 1.0 : 255.0;
    if (preview.grid) {
      const Tensor3& g = *preview.grid;
      GridDraw grid;
      grid.name = "import/preview";
      grid.rows = g.h;
      grid.cols = g.w;
      grid.cell = std::clamp(256.0f / static_cast<float>(std::max(g.h, g.w)), 1.0f, 24.0f);
      for (int y = 0; y < g.h; ++y) {
        for (int x = 0; x < g.w; ++x) {
          // The preview shows the picture as the grid holds it, channel 0
          // as grey (or the three channels as colour).
          auto level = [&](int c) {
            return static_cast<int>(std::clamp(g.at(c, y, x) / options.scale, 0.0, 1.0) * 255.0);
          };
          grid.fills.push_back(g.c == 3 ? IM_COL32(level(0), level(1), level(2), 255)
                                        : IM_COL32(level(0), level(0), level(0), 255));
        }
      }
      DrawGrid(grid);
    } else {
      ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", preview.grid.error().c_str());
    }
    ImGui::BeginDisabled(!preview.grid);
    if (ImGui::Button("Import as the input")) {
      ImportImage(state, state.view.pending_image, options);
      state.view.pending_image.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) state.view.pending_image.clear();
    ImGui::EndPopup();
  }
}

}  // namespace convstep
