// What the File menu, Ctrl+O/S/V, drag-and-drop and the scripted mode do to
// the document. Each reads or writes one thing and, on any problem, leaves
// the session as it was with one message in the status line.
#pragma once

#include <string>

#include "app/state/app_state.h"
#include "app/state/edit_text.h"
#include "core/formats/image_grid.h"
#include "core/teach/table_export.h"

namespace convstep {

// A preset (app/state/presets.h) by name.
void OpenPreset(AppState& state, const std::string& name);
// A session (.json), a grid (.csv, .tsv, .txt, .npy) that becomes the input,
// a picture (.png, .jpg, .bmp, .gif), which opens the image import first,
// or a sound (.wav, .flac, .ogg, .mp3, ...), which opens the sound import.
void OpenPath(AppState& state, const std::string& path);
// The picture chosen in OpenPath, as a grid with these options, becomes the input.
bool ImportImage(AppState& state, const std::string& path, const ImageGridOptions& options);
// A photograph onto the Network tab's canvas, as Fashion-MNIST's pictures
// are (PhotoForCanvas: greyscale, 28×28 cropped to the centre, a light
// background inverted), to be classified and painted on; OpenPath does this
// for a picture opened while the Network tab shows. False, with the reason
// on the status line and the canvas as it was, when it cannot be read.
bool OpenPhotoInNetwork(AppState& state, const std::string& path);
// The sound chosen in OpenPath, read and turned into a grid (a waveform or a
// spectrogram, app/state/sound_import.h) with these options.
Result<SoundInput> LoadSoundInput(const std::string& path, const SoundImportOptions& options);
// That grid becomes the input of a new document on the sound (undoable).
bool ImportSound(AppState& state, const std::string& path, const SoundImportOptions& options);
// The same for a grid already worked out (the dialog's preview).
bool UseSoundInput(AppState& state, const std::string& path, const SoundInput& input);
// The grid becomes the input; the filters follow its channel count.
// `source` (a file's path) names it in the undo history.
bool UseGridAsInput(AppState& state, const Tensor3& grid, const std::string& source);

bool SaveSessionTo(AppState& state, const std::string& path);
bool ExportOutputCsv(AppState& state, const std::string& path);

// The current setup as code for a notebook, on the clipboard.
enum class CodeLanguage { kPytorch, kKeras };
void CopyCode(AppState& state, CodeLanguage language);

// A table for slides: the im2col patch matrix, the output maps or the model
// summary, as CSV, Markdown or LaTeX.
enum class TableKind { kIm2col, kOutput, kSummary };
bool ExportTable(AppState& state, TableKind kind, TableFormat format, const std::string& path);

// Ctrl+V: text from a spreadsheet or a slide into the selected grid (the
// grid of the cell last clicked; the input when none). A grid of another
// size waits in state.view.pending_paste for the user's choice.
void PasteText(AppState& state, const std::string& text);
void FinishPaste(AppState& state, PasteFit fit);

}  // namespace convstep
