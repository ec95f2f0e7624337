package keys

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/scrypt"

	"steward/backend/apperr"
)

// The vault file, version 1:
//
//	magic    8 bytes  "STEWVLT\x00"
//	version  1 byte   1
//	kdf      1 byte   1 = scrypt
//	logN, r, p        1 byte each: scrypt cost
//	salt     16 bytes random, fixed when the vault is created
//	check    32 bytes SHA-256 of the second half of the derived key, to tell
//	                  a wrong passphrase from a damaged file
//	nonce    24 bytes random, new on every write
//	sealed   the rest: XChaCha20-Poly1305 of the JSON payload, with all the
//	                  bytes above as additional data
const (
	vaultVersion  = 1
	kdfScrypt     = 1
	saltLen       = 16
	checkLen      = sha256.Size
	headerLen     = 8 + 1 + 1 + 3 + saltLen + checkLen + chacha20poly1305.NonceSizeX
	defaultLogN   = 15 // 32 MiB with r = 8: scrypt's interactive setting
	defaultScrypR = 8
	defaultScrypP = 1
)

// vaultMagic opens every vault file.
const vaultMagic = "STEWVLT\x00"

// errVaultNewer says the file was written by a newer Steward.
var errVaultNewer = apperr.Text(CodeVaultCorrupt, "keys.vault",
	"The vault file was written by a newer version of Steward; update Steward to open it. The file was left untouched.",
	"保管库文件由更新版本的 Steward 写入；请升级 Steward 后再打开。文件未被改动。")

// kdfParams are the scrypt cost and salt of one vault file.
type kdfParams struct {
	logN, r, p byte
	salt       [saltLen]byte
}

func newKDFParams(logN byte) (kdfParams, error) {
	k := kdfParams{logN: logN, r: defaultScrypR, p: defaultScrypP}
	if _, err := rand.Read(k.salt[:]); err != nil {
		return k, fmt.Errorf("vault salt: %w", err)
	}
	return k, nil
}

// derive turns the passphrase into the encryption key and its check value.
func (k kdfParams) derive(passphrase string) (key [32]byte, check [checkLen]byte, err error) {
	dk, err := scrypt.Key([]byte(passphrase), k.salt[:], 1<<k.logN, int(k.r), int(k.p), 64)
	if err != nil {
		return key, check, fmt.Errorf("derive vault key: %w", err)
	}
	copy(key[:], dk[:32])
	check = sha256.Sum256(dk[32:])
	return key, check, nil
}

// vaultHeader is the parsed fixed-size start of a vault file.
type vaultHeader struct {
	kdf   kdfParams
	check [checkLen]byte
	nonce [chacha20poly1305.NonceSizeX]byte
}

func (h vaultHeader) bytes() []byte {
	b := make([]byte, 0, headerLen)
	b = append(b, vaultMagic...)
	b = append(b, vaultVersion, kdfScrypt, h.kdf.logN, h.kdf.r, h.kdf.p)
	b = append(b, h.kdf.salt[:]...)
	b = append(b, h.check[:]...)
	return append(b, h.nonce[:]...)
}

// parseVault splits a vault file into its header and sealed payload,
// refusing anything that is not a well-formed version 1 vault.
func parseVault(b []byte) (vaultHeader, []byte, error) {
	var h vaultHeader
	if len(b) < len(vaultMagic)+1 || string(b[:len(vaultMagic)]) != vaultMagic {
		return h, nil, fmt.Errorf("%w (not a Steward vault)", ErrCorrupt)
	}
	if b[8] > vaultVersion {
		return h, nil, errVaultNewer
	}
	if b[8] != vaultVersion || len(b) < headerLen+chacha20poly1305.Overhead || b[9] != kdfScrypt {
		return h, nil, fmt.Errorf("%w (truncated or unknown format)", ErrCorrupt)
	}
	h.kdf.logN, h.kdf.r, h.kdf.p = b[10], b[11], b[12]
	if h.kdf.logN < 10 || h.kdf.logN > 22 || h.kdf.r < 1 || h.kdf.r > 32 || h.kdf.p < 1 || h.kdf.p > 16 {
		return h, nil, fmt.Errorf("%w (key derivation settings out of range)", ErrCorrupt)
	}
	off := 13
	off += copy(h.kdf.salt[:], b[off:])
	off += copy(h.check[:], b[off:])
	copy(h.nonce[:], b[off:])
	return h, b[headerLen:], nil
}

// vaultPayload is what the vault file encrypts.
type vaultPayload struct {
	Secrets map[string]string `json:"secrets"`
}

// seal encrypts secrets under key with a fresh nonce and returns the file.
func seal(key [32]byte, kdf kdfParams, check [checkLen]byte, secrets map[string]string) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(key[:])
	if err != nil {
		return nil, fmt.Errorf("vault cipher: %w", err)
	}
	h := vaultHeader{kdf: kdf, check: check}
	if _, err := rand.Read(h.nonce[:]); err != nil {
		return nil, fmt.Errorf("vault nonce: %w", err)
	}
	plain, err := json.Marshal(vaultPayload{Secrets: secrets})
	if err != nil {
		return nil, fmt.Errorf("vault payload: %w", err)
	}
	head := h.bytes()
	return aead.Seal(head, h.nonce[:], plain, head), nil
}

// unseal decrypts a vault file's payload under key, having checked the
// passphrase's check value first.
func unseal(key [32]byte, check [checkLen]byte, h vaultHeader, file, sealed []byte) (map[string]string, error) {
	if subtle.ConstantTimeCompare(check[:], h.check[:]) != 1 {
		return nil, ErrWrongPassphrase
	}
	aead, err := chacha20poly1305.NewX(key[:])
	if err != nil {
		return nil, fmt.Errorf("vault cipher: %w", err)
	}
	plain, err := aead.Open(nil, h.nonce[:], sealed, file[:headerLen])
	if err != nil {
		return nil, fmt.Errorf("%w (contents fail their integrity check)", ErrCorrupt)
	}
	var p vaultPayload
	if err := json.Unmarshal(plain, &p); err != nil {
		return nil, fmt.Errorf("%w (contents unreadable)", ErrCorrupt)
	}
	if p.Secrets == nil {
		p.Secrets = map[string]string{}
	}
	return p.Secrets, nil
}
