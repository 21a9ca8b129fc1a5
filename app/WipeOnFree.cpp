// Freed memory is wiped before glibc takes it back. Secret values pass through buffers that Qt and OpenSSL own and
// free without wiping (the reply's socket and TLS buffers, the JSON parser's containers, the text document and layout
// of a revealed value, the strings of a dialog's widgets): what the application cannot reach to wipe, it wipes when
// it is freed. free() and realloc() of this executable come before glibc's, for the libraries it loads too (they call
// them through the PLT). Not under the sanitizers, which bring allocators of their own.
//
// Compiled into each executable that links sa_app (an INTERFACE source): a static library member would be linked in
// only if something asked for it.

#include <cstddef>
#include <cstring>
#include <malloc.h>

extern "C" {

void *__libc_malloc(std::size_t size) noexcept; // glibc's own, exported for such wrappers
void __libc_free(void *pointer) noexcept;

void free(void *pointer) noexcept
{
    if (!pointer)
        return;
    explicit_bzero(pointer, malloc_usable_size(pointer));
    __libc_free(pointer);
}

// glibc's realloc() would free the old block itself, unwiped: growing moves to a new block here, and the old one
// goes through free(); shrinking keeps the block and wipes what is no longer used.
void *realloc(void *pointer, std::size_t size) noexcept
{
    if (!pointer)
        return __libc_malloc(size);
    if (size == 0) {
        free(pointer);
        return nullptr;
    }
    const std::size_t usable = malloc_usable_size(pointer);
    if (size <= usable) {
        explicit_bzero(static_cast<char *>(pointer) + size, usable - size);
        return pointer;
    }
    void *grown = __libc_malloc(size);
    if (!grown)
        return nullptr;
    std::memcpy(grown, pointer, usable);
    free(pointer);
    return grown;
}

} // extern "C"
