internal import CLibCrypto

/// Ed25519 signatures through OpenSSL's EVP_PKEY API (Standard Webhooks' asymmetric v1a scheme).
enum Ed25519 {
    /// A public key of 32 bytes; `nil` if OpenSSL rejects it.
    final class PublicKey: @unchecked Sendable {
        let key: OpaquePointer

        init?(raw: [UInt8]) {
            guard raw.count == 32,
                let key = raw.withUnsafeBufferPointer({
                    EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, $0.baseAddress, $0.count)
                })
            else { return nil }
            self.key = key
        }

        deinit { EVP_PKEY_free(key) }

        /// Whether `signature` (64 bytes) signs `message`.
        func verify(signature: [UInt8], message: [UInt8]) -> Bool {
            guard signature.count == 64, let context = EVP_MD_CTX_new() else { return false }
            defer { EVP_MD_CTX_free(context) }
            guard EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1 else { return false }
            return signature.withUnsafeBufferPointer { sig in
                message.withUnsafeBufferPointer { msg in
                    EVP_DigestVerify(context, sig.baseAddress, sig.count, msg.baseAddress, msg.count) == 1
                }
            }
        }
    }

    /// A private key made from a 32-byte seed.
    final class PrivateKey: @unchecked Sendable {
        let key: OpaquePointer

        init?(seed: [UInt8]) {
            guard seed.count == 32,
                let key = seed.withUnsafeBufferPointer({
                    EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, $0.baseAddress, $0.count)
                })
            else { return nil }
            self.key = key
        }

        deinit { EVP_PKEY_free(key) }

        /// The matching public key's 32 bytes.
        var publicKey: [UInt8] {
            var output = [UInt8](repeating: 0, count: 32)
            var length = 32
            _ = output.withUnsafeMutableBufferPointer { EVP_PKEY_get_raw_public_key(key, $0.baseAddress, &length) }
            return output
        }

        /// The 64-byte signature of `message` (Ed25519 is deterministic).
        func sign(_ message: [UInt8]) -> [UInt8]? {
            guard let context = EVP_MD_CTX_new() else { return nil }
            defer { EVP_MD_CTX_free(context) }
            guard EVP_DigestSignInit(context, nil, nil, nil, key) == 1 else { return nil }
            var signature = [UInt8](repeating: 0, count: 64)
            var length = 64
            let status = signature.withUnsafeMutableBufferPointer { sig in
                message.withUnsafeBufferPointer { msg in
                    EVP_DigestSign(context, sig.baseAddress, &length, msg.baseAddress, msg.count)
                }
            }
            return status == 1 && length == 64 ? signature : nil
        }
    }
}
