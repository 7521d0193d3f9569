export { Keyring, KeyringConfigError, keyringFromConfig, generateDevKeyring, KEYRING_VARIABLES, KEY_ID_PATTERN, KEY_BYTES, type KeyringConfig, type KeyringProblem } from "./keyring.ts";
export { loadOrCreateDevKeys, DEV_KEYS_WARNING, type DevKeys } from "./dev-keys.ts";
export { encryptField, decryptField, keyIdOf, needsRotation, FieldCipherError, type FieldCipherFailure } from "./field-cipher.ts";
export { blindIndex, phoneSearchIndex, accountLast4Index, normalisePhone, BlindIndexInputError, BLIND_INDEX_LENGTH, type BlindIndexKind } from "./blind-index.ts";
export { maskPhone, maskAccountNumber, maskBirthDate, maskBusinessNumber, maskPersonal, maskEntirely, type MaskKind } from "./masking.ts";
export { rotateValue, rotateRows, RotationError, type RotationSource, type RotationRow, type RotationResult, type RotationOptions, type RowId } from "./rotation.ts";
