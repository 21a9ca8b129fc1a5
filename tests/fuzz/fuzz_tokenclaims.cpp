// The token inspector's JWT reading: the input as a whole token, and as the claims of an otherwise well-formed one
// (so that the fuzzer reaches the claim parsing without finding base64url first).
#include "FuzzSupport.h"

#include "resources/Resources.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    QString error;
    (void)sa::TokenClaims::decode(input, &error);
    static const QByteArray header = QByteArray(R"({"alg":"RS256","kid":"fuzz"})")
                                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray token =
        header + '.' + input.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + ".c2lnbmF0dXJl";
    (void)sa::TokenClaims::decode(token, &error);
    return 0;
}
