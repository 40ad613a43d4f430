// Importing a picture as the input: grayscale or RGB, the grid size (8×8 to
// 256×256, e.g. 28×28 like MNIST), values 0–255 or 0–1, and a preview of the
// grid those options give.
#include <algorithm>
#include <string>

#include "app/i18n/i18n.h"
#include "app/image/image_file.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/state/document.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"

namespace convstep {

namespace {

bool SameOptions(const ImageGridOptions& a, const ImageGridOptions& b) {
  return a.rgb == b.rgb && a.height == b.height && a.width == b.width && a.scale == b.scale;
}

}  // namespace

void DrawImageImportDialog(AppState& state) {
  if (state.view.pending_image.empty()) return;
  ImageImportState& import = state.view.image_import;
  ImageGridOptions& options = import.options;
  // The preview is decoded again only when the picture or the options change.
  if (import.preview_path != state.view.pending_image || !SameOptions(import.preview_options, options)) {
    import.preview_path = state.view.pending_image;
    import.preview_options = options;
    import.preview = LoadImageGrid(state.view.pending_image, options);
  }
  const std::string id = TrId("image.title");
  ImGui::OpenPopup(id.c_str());
  if (ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(state.view.pending_image.c_str());
    int channels = options.rgb ? 1 : 0;
    ImGui::RadioButton(TrId("image.grayscale").c_str(), &channels, 0);
    ConceptTooltip("tip.image_channels");
    ImGui::SameLine();
    ImGui::RadioButton(TrId("image.rgb").c_str(), &channels, 1);
    ConceptTooltip("tip.image_channels");
    options.rgb = channels == 1;
    int size[2] = {options.height, options.width};
    ImGui::SetNextItemWidth(Scaled(160));
    if (ImGui::InputInt2(TrId("image.size").c_str(), size)) {
      options.height = std::clamp(size[0], kMinImageGridSide, kMaxGridSide);
      options.width = std::clamp(size[1], kMinImageGridSide, kMaxGridSide);
    }
    ConceptTooltip("tip.image_size");
    int scale = options.scale == 1 ? 1 : 0;
    ImGui::RadioButton(TrId("image.scale_255").c_str(), &scale, 0);
    ConceptTooltip("tip.image_scale");
    ImGui::SameLine();
    ImGui::RadioButton(TrId("image.scale_1").c_str(), &scale, 1);
    ConceptTooltip("tip.image_scale");
    options.scale = scale == 1 ? 1.0 : 255.0;
    if (import.preview) {
      const Tensor3& g = *import.preview;
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
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(CurrentColors().error), "%s", import.preview.error().c_str());
    }
    ImGui::BeginDisabled(!import.preview);
    if (ImGui::Button(TrId("image.import").c_str())) {
      ImportImage(state, state.view.pending_image, options);
      state.view.pending_image.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(TrId("dialog.cancel").c_str())) state.view.pending_image.clear();
    ImGui::EndPopup();
  }
}

}  // namespace convstep
