// Importing a sound as the input: which part (start, length), which
// channel, at which rate, and as what: its waveform for a 1-D convolution,
// or its spectrogram, mel spectrogram or MFCC for a 2-D one, with the STFT's
// n_fft and hop and the number of mel bands; the grid those options make is
// previewed with its size before anything changes.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/i18n/i18n.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/state/document.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"

namespace convstep {

namespace {

bool SameOptions(const SoundImportOptions& a, const SoundImportOptions& b) {
  return a.view == b.view && a.channel == b.channel && a.rate == b.rate && a.start_seconds == b.start_seconds &&
         a.length_seconds == b.length_seconds && a.n_fft == b.n_fft && a.hop_length == b.hop_length &&
         a.n_mels == b.n_mels && a.n_mfcc == b.n_mfcc && a.top_db == b.top_db;
}

std::string Seconds(double s) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", s);
  return text;
}

// The header is read again only when the file changes; the grid, off the
// UI thread, when the file or an option changes (a newer job replaces an
// older one, whose destructor cancels it).
void Refresh(AppState& state) {
  SoundImportState& import = state.view.sound_import;
  const std::string& path = state.view.pending_sound;
  if (import.info_path != path) {
    import.info_path = path;
    import.info = ReadSoundFileInfo(path);
  }
  const bool current = import.preview_path == path && SameOptions(import.preview_options, import.options);
  const bool coming = import.job && import.job->path() == path && SameOptions(import.job->options(), import.options);
  if (!current && !coming) {
    import.job.reset();
    if (import.info) {
      import.job = std::make_shared<SoundJob>(path, import.options);
    } else {
      import.preview_path = path;
      import.preview_options = import.options;
      import.preview = import.info.failure();
    }
  }
  if (import.job && import.job->Ready()) {
    import.preview = import.job->Take();
    import.preview_path = import.job->path();
    import.preview_options = import.job->options();
    import.job.reset();
  }
}

// Closing the dialog stops what it was working out.
void Close(AppState& state) {
  state.view.sound_import.job.reset();
  state.view.pending_sound.clear();
}

void ViewChoice(SoundImportOptions& o) {
  int view = static_cast<int>(o.view);
  static constexpr const char* kViews[] = {"audio.waveform", "audio.spectrogram", "audio.mel", "audio.mfcc"};
  // Two a line: the four choices side by side are wider than a projector's
  // window at 200 % text.
  for (int i = 0; i < 4; ++i) {
    if (i % 2 == 1) ImGui::SameLine();
    ImGui::RadioButton(TrId(kViews[i]).c_str(), &view, i);
    ConceptTooltip("tip.sound_view");
  }
  o.view = static_cast<SoundView>(view);
}

void ReadChoices(SoundImportOptions& o, const SoundFileInfo& info) {
  // Channels: their average, or one of them.
  int channel = o.channel ? *o.channel + 1 : 0;
  const std::string average = Tr("audio.channels_average");
  ImGui::SetNextItemWidth(Scaled(170));
  if (ImGui::BeginCombo(TrId("audio.channels").c_str(),
                        channel == 0 ? average.c_str() : TrFormat("audio.channel", {std::to_string(channel - 1)}).c_str())) {
    for (int c = 0; c <= info.channels; ++c) {
      const std::string label = c == 0 ? average : TrFormat("audio.channel", {std::to_string(c - 1)});
      if (ImGui::Selectable(label.c_str(), c == channel)) channel = c;
    }
    ImGui::EndCombo();
  }
  o.channel = channel == 0 ? std::nullopt : std::optional<int>(channel - 1);
  static const int kRates[] = {0, 8000, 16000, 22050, 44100};
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Scaled(150));
  const auto rate_label = [&](int r) {
    return r == 0 ? TrFormat("audio.rate_file", {std::to_string(info.rate)}) : std::to_string(r) + " Hz";
  };
  if (ImGui::BeginCombo(TrId("audio.rate").c_str(), rate_label(o.rate).c_str())) {
    for (int r : kRates) {
      if (ImGui::Selectable(rate_label(r).c_str(), r == o.rate)) o.rate = r;
    }
    ImGui::EndCombo();
  }
  ConceptTooltip("tip.sound_rate");
  float part[2] = {static_cast<float>(o.start_seconds), static_cast<float>(o.length_seconds)};
  ImGui::SetNextItemWidth(Scaled(200));
  if (ImGui::InputFloat2(TrId("audio.part").c_str(), part, "%.2f")) {
    o.start_seconds = std::clamp(static_cast<double>(part[0]), 0.0, info.duration_seconds);
    o.length_seconds = std::clamp(static_cast<double>(part[1]), 0.0, 600.0);
  }
  ConceptTooltip("tip.sound_part");
}

void SpectrogramChoices(SoundImportOptions& o) {
  static const int kSizes[] = {256, 512, 1024, 2048};
  ImGui::SetNextItemWidth(Scaled(110));
  if (ImGui::BeginCombo("n_fft", std::to_string(o.n_fft).c_str())) {
    for (int n : kSizes) {
      if (ImGui::Selectable(std::to_string(n).c_str(), n == o.n_fft)) o.n_fft = n;
    }
    ImGui::EndCombo();
  }
  ConceptTooltip("tip.sound_n_fft");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(Scaled(110));
  if (ImGui::InputInt("hop_length", &o.hop_length, 32)) o.hop_length = std::clamp(o.hop_length, 16, o.n_fft);
  ConceptTooltip("tip.sound_hop");
  if (o.view == SoundView::kMel || o.view == SoundView::kMfcc) {
    ImGui::SetNextItemWidth(Scaled(160));
    ImGui::SliderInt("n_mels", &o.n_mels, 8, 128);
    ConceptTooltip("tip.sound_n_mels");
  }
  if (o.view == SoundView::kMfcc) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(Scaled(160));
    ImGui::SliderInt("n_mfcc", &o.n_mfcc, 2, std::min(40, o.n_mels));
  }
  o.n_mfcc = std::min(o.n_mfcc, o.n_mels);
}

// The grid the options make, small, in the heat palette (a waveform as
// its one row), with its size in words.
void Preview(const AppState& state, const SoundInput& in) {
  const Tensor3& g = in.conv.input;
  const std::string what = in.axes.rows == InputAxes::Rows::kWaveform
                               ? TrFormat("audio.preview_waveform", {std::to_string(g.w)})
                               : TrFormat("audio.preview_grid", {std::to_string(g.h), std::to_string(g.w)});
  ImGui::TextUnformatted(what.c_str());
  GridDraw grid;
  grid.name = "import/sound_preview";
  grid.rows = g.h;
  grid.cols = g.w;
  grid.cell = std::clamp(std::min(Scaled(480) / static_cast<float>(g.w), Scaled(160) / static_cast<float>(g.h)), 0.25f, 12.0f);
  grid.values = g.data;
  const auto [lo, hi] = std::minmax_element(g.data.begin(), g.data.end());
  grid.lo = *lo;
  grid.hi = *hi;
  const HeatPalette palette = state.view.appearance.palette;
  grid.ramp = [palette](float t) { return Heat(palette, t); };
  DrawGrid(grid);
}

}  // namespace

void DrawSoundImportDialog(AppState& state) {
  if (state.view.pending_sound.empty()) {
    state.view.sound_import.job.reset();  // a script or the monkey closed it
    return;
  }
  Refresh(state);
  SoundImportState& import = state.view.sound_import;
  SoundImportOptions& o = import.options;
  const std::string id = TrId("audio.title");
  ImGui::OpenPopup(id.c_str());
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted(state.view.pending_sound.c_str());
  if (import.info) {
    const SoundFileInfo& info = *import.info;
    ImGui::TextDisabled("%s", TrFormat("audio.info", {info.format, std::to_string(info.rate), std::to_string(info.channels),
                                                      Seconds(info.duration_seconds)})
                                  .c_str());
    ViewChoice(o);
    ReadChoices(o, info);
    if (o.view != SoundView::kWaveform) SpectrogramChoices(o);
  }
  if (import.job) {
    // A long file: how much is read, and a way out.
    ImGui::TextUnformatted(Tr("audio.working"));
    ImGui::ProgressBar(static_cast<float>(import.job->Progress()), ImVec2(Scaled(320), 0));
  } else if (import.preview) {
    Preview(state, *import.preview);
  } else {
    ImGui::PushTextWrapPos(Scaled(520));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(CurrentColors().error), "%s", ErrorText(import.preview.failure()).c_str());
    ImGui::PopTextWrapPos();
  }
  // The grid shown is the one imported: it is not worked out again.
  ImGui::BeginDisabled(import.job != nullptr || !import.preview);
  if (ImGui::Button(TrId("audio.import").c_str())) {
    UseSoundInput(state, state.view.pending_sound, *import.preview);
    Close(state);
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(TrId("dialog.cancel").c_str())) Close(state);
  ImGui::EndPopup();
}

}  // namespace convstep
