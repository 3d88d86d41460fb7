// The browser build draws with WebGL only: no SDL surface is ever blitted (no window surface,
// icon or colour cursor). SDL's software blitters (~200 KB of wasm, ~60 KB of the download) are
// reached only through SDL_CalculateBlit; defining it here keeps them out of the link, and a blit
// anyone attempted would fail with this error instead of drawing.
#include <SDL.h>

extern "C" int SDL_CalculateBlit(SDL_Surface*) { return SDL_SetError("software blits are not part of the browser build"); }
