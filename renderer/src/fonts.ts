// The bundled Japanese fonts (only the weights the reader uses), so the text renders
// the same on a machine without Japanese fonts. Loaded after the first section has painted: their
// stylesheet is large (one @font-face per unicode-range subset) and would otherwise
// block it; until it arrives the text uses the system's Japanese font from the stack.
import '@fontsource/noto-serif-jp/400.css';
import '@fontsource/noto-serif-jp/700.css';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
