#ifndef KARTEI_COPENSSL_SHIM_H
#define KARTEI_COPENSSL_SHIM_H

#include <openssl/opensslv.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/ec.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/pem.h>
#include <openssl/cms.h>
#include <openssl/pkcs12.h>
#include <openssl/bio.h>
#include <openssl/hmac.h>
#include <openssl/ocsp.h>
#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/pkcs7.h>
#include <stdio.h>
#include <time.h>

/* Swift cannot call function-like macros or variadic functions; these wrap the few we need. */

static inline int CKartei_EVP_CIPHER_CTX_set_ivlen(EVP_CIPHER_CTX *ctx, int len) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, len, NULL);
}
static inline int CKartei_EVP_CIPHER_CTX_get_tag(EVP_CIPHER_CTX *ctx, unsigned char *tag, int len) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, len, tag);
}
static inline int CKartei_EVP_CIPHER_CTX_set_tag(EVP_CIPHER_CTX *ctx, unsigned char *tag, int len) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, len, tag);
}
static inline BIO *CKartei_BIO_new_mem(void) { return BIO_new(BIO_s_mem()); }
static inline long CKartei_BIO_get_mem_data(BIO *bio, char **pp) { return BIO_get_mem_data(bio, pp); }
static inline void CKartei_OPENSSL_free(void *p) { OPENSSL_free(p); }


/* ---- X.509 helpers: OpenSSL's stack and struct macros are not callable from Swift ---- */

static inline unsigned long CKartei_XN_FLAG_RFC2253(void) { return XN_FLAG_RFC2253; }

/* Adds NAME=value (UTF-8) to a name. */
static inline int CKartei_name_add(X509_NAME *name, const char *field, const char *value) {
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, (const unsigned char *)value, -1, -1, 0);
}

/* Adds an extension from its configuration string ("critical,CA:TRUE,pathlen:0"), with the
 * issuer and subject certificates as context (key identifiers). */
static inline int CKartei_add_ext(X509 *cert, X509 *issuer, int nid, const char *value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, NULL, NULL, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(NULL, &ctx, nid, value);
    if (!ext) return 0;
    int ok = X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    return ok;
}

/* Adds a DER-valued extension with a dotted OID (kartei's role extension). */
static inline int CKartei_add_oid_ext(X509 *cert, const char *oid, int critical, const unsigned char *der, int len) {
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    ASN1_OCTET_STRING *data = ASN1_OCTET_STRING_new();
    int ok = 0;
    if (obj && data && ASN1_OCTET_STRING_set(data, der, len)) {
        X509_EXTENSION *ext = X509_EXTENSION_create_by_OBJ(NULL, obj, critical, data);
        if (ext) {
            ok = X509_add_ext(cert, ext, -1);
            X509_EXTENSION_free(ext);
        }
    }
    ASN1_OBJECT_free(obj);
    ASN1_OCTET_STRING_free(data);
    return ok;
}

/* The DER value of the extension with a dotted OID, or NULL. */
static inline const ASN1_OCTET_STRING *CKartei_oid_ext_value(const X509 *cert, const char *oid) {
    ASN1_OBJECT *obj = OBJ_txt2obj(oid, 1);
    if (!obj) return NULL;
    int index = X509_get_ext_by_OBJ(cert, obj, -1);
    ASN1_OBJECT_free(obj);
    if (index < 0) return NULL;
    return X509_EXTENSION_get_data(X509_get_ext(cert, index));
}

/* Critical name constraints: permitted dirName O=<organization> and permitted URI <host>. */
static inline int CKartei_add_name_constraints(X509 *cert, const char *organization, const char *uri_host) {
    NAME_CONSTRAINTS *nc = NAME_CONSTRAINTS_new();
    if (!nc) return 0;
    nc->permittedSubtrees = sk_GENERAL_SUBTREE_new_null();
    GENERAL_SUBTREE *dir = GENERAL_SUBTREE_new();
    GENERAL_SUBTREE *uri = GENERAL_SUBTREE_new();
    X509_NAME *name = X509_NAME_new();
    ASN1_IA5STRING *host = ASN1_IA5STRING_new();
    int ok = nc->permittedSubtrees && dir && uri && name && host
        && CKartei_name_add(name, "O", organization)
        && ASN1_STRING_set(host, uri_host, -1);
    if (ok) {
        GENERAL_NAME_set0_value(dir->base, GEN_DIRNAME, name);
        GENERAL_NAME_set0_value(uri->base, GEN_URI, host);
        name = NULL;
        host = NULL;
        ok = sk_GENERAL_SUBTREE_push(nc->permittedSubtrees, dir) > 0;
        if (ok) dir = NULL;
        ok = ok && sk_GENERAL_SUBTREE_push(nc->permittedSubtrees, uri) > 0;
        if (ok) uri = NULL;
        ok = ok && X509_add1_ext_i2d(cert, NID_name_constraints, nc, 1, X509V3_ADD_DEFAULT) == 1;
    }
    X509_NAME_free(name);
    ASN1_IA5STRING_free(host);
    GENERAL_SUBTREE_free(dir);
    GENERAL_SUBTREE_free(uri);
    NAME_CONSTRAINTS_free(nc);
    return ok;
}

/* Subject alternative names of a type (GEN_URI, GEN_DNS): calls back with each value. */
typedef void (*CKartei_string_callback)(void *context, const char *value, int length);
static inline void CKartei_each_san(const X509 *cert, int type, CKartei_string_callback callback, void *context) {
    GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
    if (!names) return;
    for (int i = 0; i < sk_GENERAL_NAME_num(names); i++) {
        int kind = 0;
        ASN1_STRING *value = GENERAL_NAME_get0_value(sk_GENERAL_NAME_value(names, i), &kind);
        if (kind == type && value) callback(context, (const char *)ASN1_STRING_get0_data(value), ASN1_STRING_length(value));
    }
    GENERAL_NAMES_free(names);
}

/* Requested extensions of a CSR: calls back with each dotted OID. */
static inline void CKartei_each_req_ext_oid(X509_REQ *req, CKartei_string_callback callback, void *context) {
    STACK_OF(X509_EXTENSION) *exts = X509_REQ_get_extensions(req);
    if (!exts) return;
    for (int i = 0; i < sk_X509_EXTENSION_num(exts); i++) {
        char buffer[128];
        int n = OBJ_obj2txt(buffer, sizeof buffer, X509_EXTENSION_get_object(sk_X509_EXTENSION_value(exts, i)), 1);
        if (n > 0) callback(context, buffer, n);
    }
    sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
}

/* Adds a requested subjectAltName URI to a CSR (tests: a request that asks for an extension). */
static inline int CKartei_req_add_san_uri(X509_REQ *req, const char *uri) {
    STACK_OF(X509_EXTENSION) *exts = sk_X509_EXTENSION_new_null();
    char value[512];
    snprintf(value, sizeof value, "URI:%s", uri);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(NULL, NULL, NID_subject_alt_name, value);
    int ok = exts && ext && sk_X509_EXTENSION_push(exts, ext) > 0;
    if (ok) ext = NULL;
    ok = ok && X509_REQ_add_extensions(req, exts);
    X509_EXTENSION_free(ext);
    sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
    return ok;
}

/* CRL entry with serial, date and reason. Takes nothing; returns 1 on success. */
static inline int CKartei_crl_add_revoked(X509_CRL *crl, const unsigned char *serial, int serial_len, time_t when, int reason) {
    X509_REVOKED *entry = X509_REVOKED_new();
    BIGNUM *bn = BN_bin2bn(serial, serial_len, NULL);
    ASN1_INTEGER *number = bn ? BN_to_ASN1_INTEGER(bn, NULL) : NULL;
    ASN1_TIME *date = ASN1_TIME_set(NULL, when);
    ASN1_ENUMERATED *code = ASN1_ENUMERATED_new();
    int ok = entry && number && date && code
        && X509_REVOKED_set_serialNumber(entry, number)
        && X509_REVOKED_set_revocationDate(entry, date)
        && ASN1_ENUMERATED_set(code, reason)
        && X509_REVOKED_add1_ext_i2d(entry, NID_crl_reason, code, 0, 0)
        && X509_CRL_add0_revoked(crl, entry);
    if (ok) entry = NULL;
    X509_REVOKED_free(entry);
    BN_free(bn);
    ASN1_INTEGER_free(number);
    ASN1_TIME_free(date);
    ASN1_ENUMERATED_free(code);
    return ok;
}

static inline int CKartei_crl_add_number_and_aki(X509_CRL *crl, X509 *issuer, long number) {
    ASN1_INTEGER *n = ASN1_INTEGER_new();
    int ok = n && ASN1_INTEGER_set(n, number) && X509_CRL_add1_ext_i2d(crl, NID_crl_number, n, 0, 0);
    ASN1_INTEGER_free(n);
    if (!ok) return 0;
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, NULL, NULL, crl, 0);
    X509_EXTENSION *aki = X509V3_EXT_conf_nid(NULL, &ctx, NID_authority_key_identifier, "keyid:always");
    ok = aki && X509_CRL_add_ext(crl, aki, -1);
    X509_EXTENSION_free(aki);
    return ok;
}

typedef void (*CKartei_revoked_callback)(void *context, const unsigned char *serial, int serial_len, time_t when, int reason);
static inline void CKartei_crl_each_revoked(X509_CRL *crl, CKartei_revoked_callback callback, void *context) {
    STACK_OF(X509_REVOKED) *entries = X509_CRL_get_REVOKED(crl);
    for (int i = 0; entries && i < sk_X509_REVOKED_num(entries); i++) {
        X509_REVOKED *entry = sk_X509_REVOKED_value(entries, i);
        BIGNUM *bn = ASN1_INTEGER_to_BN(X509_REVOKED_get0_serialNumber(entry), NULL);
        unsigned char serial[64];
        int len = bn ? BN_bn2bin(bn, serial) : 0;
        BN_free(bn);
        struct tm tm;
        time_t when = ASN1_TIME_to_tm(X509_REVOKED_get0_revocationDate(entry), &tm) ? timegm(&tm) : 0;
        int reason = 0;
        ASN1_ENUMERATED *code = X509_REVOKED_get_ext_d2i(entry, NID_crl_reason, NULL, NULL);
        if (code) {
            reason = (int)ASN1_ENUMERATED_get(code);
            ASN1_ENUMERATED_free(code);
        }
        callback(context, serial, len, when, reason);
    }
}

static inline long CKartei_crl_number(X509_CRL *crl) {
    ASN1_INTEGER *n = X509_CRL_get_ext_d2i(crl, NID_crl_number, NULL, NULL);
    if (!n) return -1;
    long value = ASN1_INTEGER_get(n);
    ASN1_INTEGER_free(n);
    return value;
}

/* ASN1_TIME <-> time_t. */
static inline time_t CKartei_time(const ASN1_TIME *t) {
    struct tm tm;
    if (!t || !ASN1_TIME_to_tm(t, &tm)) return 0;
    return timegm(&tm);
}

/* CMS AuthEnvelopedData (AES-256-GCM) to certificates by subject key identifier, ECDH with a
 * SHA-256 KDF. Returns DER in a BIO, or NULL. */
static inline BIO *CKartei_cms_seal(const unsigned char *data, int len, X509 **recipients, int count) {
    BIO *in = BIO_new_mem_buf(data, len);
    CMS_ContentInfo *cms = CMS_encrypt(NULL, NULL, EVP_aes_256_gcm(), CMS_BINARY | CMS_PARTIAL);
    int ok = in && cms;
    for (int i = 0; ok && i < count; i++) {
        CMS_RecipientInfo *ri = CMS_add1_recipient_cert(cms, recipients[i], CMS_USE_KEYID | CMS_KEY_PARAM);
        ok = ri != NULL;
        if (ok && CMS_RecipientInfo_type(ri) == CMS_RECIPINFO_AGREE) {
            EVP_PKEY_CTX *pctx = CMS_RecipientInfo_get0_pkey_ctx(ri);
            ok = pctx && EVP_PKEY_CTX_ctrl_str(pctx, "ecdh_kdf_md", "sha256") > 0;
        }
    }
    BIO *out = NULL;
    if (ok && CMS_final(cms, in, NULL, CMS_BINARY) == 1) {
        out = BIO_new(BIO_s_mem());
        if (out && i2d_CMS_bio(out, cms) != 1) {
            BIO_free(out);
            out = NULL;
        }
    }
    BIO_free(in);
    CMS_ContentInfo_free(cms);
    return out;
}

/* Opens a CMS envelope with a recipient's certificate and key; the content goes to a BIO. */
static inline BIO *CKartei_cms_open(const unsigned char *der, int len, X509 *cert, EVP_PKEY *key) {
    const unsigned char *p = der;
    CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, len);
    if (!cms) return NULL;
    BIO *out = BIO_new(BIO_s_mem());
    if (out && CMS_decrypt(cms, key, cert, NULL, out, CMS_BINARY) != 1) {
        BIO_free(out);
        out = NULL;
    }
    CMS_ContentInfo_free(cms);
    return out;
}

/* Whether cert is a recipient of a DER CMS EnvelopedData or AuthEnvelopedData (key transport by
 * issuer and serial or key id, or key agreement): 1 yes, 0 no, -1 not such an envelope (also with
 * bytes after the DER). Checks only the recipient identifiers; opening checks the rest. */
static inline int CKartei_cms_has_recipient(const unsigned char *der, int len, X509 *cert) {
    const unsigned char *p = der;
    CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, len);
    if (!cms) return -1;
    int found = -1;
    int type = OBJ_obj2nid(CMS_get0_type(cms));
    if (p == der + len && (type == NID_id_smime_ct_authEnvelopedData || type == NID_pkcs7_enveloped)) {
        found = 0;
        STACK_OF(CMS_RecipientInfo) *infos = CMS_get0_RecipientInfos(cms);
        for (int i = 0; infos && !found && i < sk_CMS_RecipientInfo_num(infos); i++) {
            CMS_RecipientInfo *ri = sk_CMS_RecipientInfo_value(infos, i);
            if (CMS_RecipientInfo_type(ri) == CMS_RECIPINFO_TRANS) {
                found = CMS_RecipientInfo_ktri_cert_cmp(ri, cert) == 0;
            } else if (CMS_RecipientInfo_type(ri) == CMS_RECIPINFO_AGREE) {
                STACK_OF(CMS_RecipientEncryptedKey) *keys = CMS_RecipientInfo_kari_get0_reks(ri);
                for (int j = 0; keys && !found && j < sk_CMS_RecipientEncryptedKey_num(keys); j++) {
                    found = CMS_RecipientEncryptedKey_cert_cmp(sk_CMS_RecipientEncryptedKey_value(keys, j), cert) == 0;
                }
            }
        }
    }
    CMS_ContentInfo_free(cms);
    return found;
}

/* ---- CMS SignedData (transfer packages). The caller owns every returned object. ---- */

/* Attached SignedData over data: one signer whose certificate is included, SHA-256, signed
 * attributes with the signing time, no S/MIME capabilities, no MIME canonicalisation
 * (`openssl cms -sign -binary -nodetach -md sha256 -nosmimecap`). NULL on failure. */
static inline CMS_ContentInfo *CKartei_cms_sign(const unsigned char *data, int len, X509 *signer, EVP_PKEY *key) {
    BIO *in = BIO_new_mem_buf(data, len);
    CMS_ContentInfo *cms = in ? CMS_sign(NULL, NULL, NULL, NULL, CMS_BINARY | CMS_PARTIAL) : NULL;
    int ok = cms && CMS_add1_signer(cms, signer, key, EVP_sha256(), CMS_BINARY | CMS_NOSMIMECAP) != NULL
        && CMS_final(cms, in, NULL, CMS_BINARY) == 1;
    BIO_free(in);
    if (!ok) {
        CMS_ContentInfo_free(cms);
        return NULL;
    }
    return cms;
}

/* A DER SignedData with attached content and nothing after it; NULL for anything else. */
static inline CMS_ContentInfo *CKartei_cms_signed_parse(const unsigned char *der, int len) {
    const unsigned char *p = der;
    CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, len);
    if (!cms) return NULL;
    ASN1_OCTET_STRING **content = OBJ_obj2nid(CMS_get0_type(cms)) == NID_pkcs7_signed ? CMS_get0_content(cms) : NULL;
    if (p != der + len || !content || !*content) {
        CMS_ContentInfo_free(cms);
        return NULL;
    }
    return cms;
}

/* The attached content, not verified (its bytes belong to cms). */
static inline const unsigned char *CKartei_cms_content(CMS_ContentInfo *cms, int *len) {
    ASN1_OCTET_STRING **content = CMS_get0_content(cms);
    if (!content || !*content) {
        *len = 0;
        return NULL;
    }
    *len = ASN1_STRING_length(*content);
    return ASN1_STRING_get0_data(*content);
}

/* The certificate of the only signer, found among the certificates the SignedData carries and
 * up-referenced; NULL when there is not exactly one signer or its certificate is not included. */
static inline X509 *CKartei_cms_signer_cert(CMS_ContentInfo *cms) {
    STACK_OF(CMS_SignerInfo) *infos = CMS_get0_SignerInfos(cms);
    if (!infos || sk_CMS_SignerInfo_num(infos) != 1) return NULL;
    CMS_SignerInfo *si = sk_CMS_SignerInfo_value(infos, 0);
    STACK_OF(X509) *certs = CMS_get1_certs(cms);
    X509 *found = NULL;
    for (int i = 0; certs && i < sk_X509_num(certs); i++) {
        X509 *cert = sk_X509_value(certs, i);
        if (CMS_SignerInfo_cert_cmp(si, cert) == 0 && X509_up_ref(cert) == 1) {
            found = cert;
            break;
        }
    }
    sk_X509_pop_free(certs, X509_free);
    return found;
}

/* Verifies an attached SignedData: every signature over the content, and each signer's
 * certificate chained to the one trust anchor, in a store made here that holds nothing else (no
 * default paths), for a purpose (X509_PURPOSE_*), at a time, X.509 strict. The verified content
 * goes to out. 1 when valid. */
static inline int CKartei_cms_verify(CMS_ContentInfo *cms, X509 *anchor, int purpose, time_t when, BIO *out) {
    X509_STORE *store = X509_STORE_new();
    int ok = store && X509_STORE_add_cert(store, anchor) == 1 && X509_STORE_set_purpose(store, purpose) == 1;
    if (ok) {
        X509_VERIFY_PARAM *param = X509_STORE_get0_param(store);
        X509_VERIFY_PARAM_set_time(param, when);
        ok = X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_X509_STRICT) == 1;
    }
    ok = ok && CMS_verify(cms, NULL, store, NULL, out, CMS_BINARY) == 1;
    X509_STORE_free(store);
    return ok;
}

/* PKCS#12: key under PBES2/AES-256-CBC/PBKDF2-SHA256, certificates unencrypted, HMAC-SHA256 MAC. */
static inline PKCS12 *CKartei_p12_create(const char *pass, const char *name, EVP_PKEY *key, X509 *cert, X509 **chain,
                                         int count, int iterations) {
    STACK_OF(X509) *ca = sk_X509_new_null();
    for (int i = 0; ca && i < count; i++) sk_X509_push(ca, chain[i]);
    PKCS12 *p12 = PKCS12_create(pass, name, key, cert, ca, NID_aes_256_cbc, -1, iterations, -1, 0);
    sk_X509_free(ca);
    if (p12 && PKCS12_set_mac(p12, pass, -1, NULL, 0, iterations, EVP_sha256()) != 1) {
        PKCS12_free(p12);
        return NULL;
    }
    return p12;
}

/* Parses a PKCS#12 with its passphrase. Returns 1; 0 for a wrong passphrase (MAC); -2 when the
 * passphrase is right but a bag is encrypted with an algorithm this OpenSSL does not offer (RC2
 * and 3DES of old exports need the legacy provider); -1 for garbage. */
static inline int CKartei_p12_open(PKCS12 *p12, const char *pass, EVP_PKEY **key, X509 **cert, STACK_OF(X509) **ca) {
    int mac = PKCS12_mac_present(p12);
    if (mac && PKCS12_verify_mac(p12, pass, -1) != 1) return 0;
    if (PKCS12_parse(p12, pass, key, cert, ca) == 1) return 1;
    return mac ? -2 : -1;
}

/* The DER of the index-th encrypted private key (pkcs8ShroudedKeyBag, an EncryptedPrivateKeyInfo)
 * in a PKCS#12's unencrypted safes, read without the passphrase. Returns its length, 0 when there
 * is no such key, -1 on error; *out is freed with CKartei_OPENSSL_free. */
static inline int CKartei_p12_shrouded_key(PKCS12 *p12, int index, unsigned char **out) {
    *out = NULL;
    int seen = 0, result = 0;
    STACK_OF(PKCS7) *safes = PKCS12_unpack_authsafes(p12);
    for (int i = 0; safes && result == 0 && i < sk_PKCS7_num(safes); i++) {
        PKCS7 *p7 = sk_PKCS7_value(safes, i);
        if (OBJ_obj2nid(p7->type) != NID_pkcs7_data) continue;
        STACK_OF(PKCS12_SAFEBAG) *bags = PKCS12_unpack_p7data(p7);
        for (int j = 0; bags && result == 0 && j < sk_PKCS12_SAFEBAG_num(bags); j++) {
            PKCS12_SAFEBAG *bag = sk_PKCS12_SAFEBAG_value(bags, j);
            if (PKCS12_SAFEBAG_get_nid(bag) != NID_pkcs8ShroudedKeyBag) continue;
            if (seen++ != index) continue;
            const X509_SIG *sig = PKCS12_SAFEBAG_get0_pkcs8(bag);
            result = sig ? i2d_X509_SIG(sig, out) : -1;
            if (result == 0) result = -1;
        }
        sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
    }
    sk_PKCS7_pop_free(safes, PKCS7_free);
    return result;
}

static inline int CKartei_certs_count(STACK_OF(X509) *certs) { return certs ? sk_X509_num(certs) : 0; }
static inline X509 *CKartei_certs_get1(STACK_OF(X509) *certs, int i) {
    X509 *cert = sk_X509_value(certs, i);
    if (cert) X509_up_ref(cert);
    return cert;
}
static inline void CKartei_certs_free(STACK_OF(X509) *certs) { sk_X509_pop_free(certs, X509_free); }

/* The certificates in a PKCS#12's unencrypted bags (no passphrase needed). */
static inline STACK_OF(X509) *CKartei_p12_plain_certs(PKCS12 *p12) {
    STACK_OF(X509) *out = sk_X509_new_null();
    STACK_OF(PKCS7) *safes = PKCS12_unpack_authsafes(p12);
    for (int i = 0; out && safes && i < sk_PKCS7_num(safes); i++) {
        PKCS7 *p7 = sk_PKCS7_value(safes, i);
        if (OBJ_obj2nid(p7->type) != NID_pkcs7_data) continue;
        STACK_OF(PKCS12_SAFEBAG) *bags = PKCS12_unpack_p7data(p7);
        for (int j = 0; bags && j < sk_PKCS12_SAFEBAG_num(bags); j++) {
            PKCS12_SAFEBAG *bag = sk_PKCS12_SAFEBAG_value(bags, j);
            if (PKCS12_SAFEBAG_get_nid(bag) != NID_certBag) continue;
            X509 *cert = PKCS12_SAFEBAG_get1_cert(bag);
            if (cert) sk_X509_push(out, cert);
        }
        sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
    }
    sk_PKCS7_pop_free(safes, PKCS7_free);
    return out;
}

/* Encrypted PKCS#8 with scrypt (N=16384, r=8, p=1) and AES-256-CBC, written as PEM. */
static inline int CKartei_pkcs8_scrypt_pem(EVP_PKEY *key, const char *pass, int passlen, BIO *out) {
    PKCS8_PRIV_KEY_INFO *p8 = EVP_PKEY2PKCS8(key);
    X509_ALGOR *alg = PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), NULL, 0, NULL, 16384, 8, 1);
    X509_SIG *sig = (p8 && alg) ? PKCS8_set0_pbe(pass, passlen, p8, alg) : NULL;
    int ok = sig && PEM_write_bio_PKCS8(out, sig);
    if (!sig) X509_ALGOR_free(alg);
    X509_SIG_free(sig);
    PKCS8_PRIV_KEY_INFO_free(p8);
    return ok;
}

/* Reads a private key from PEM; pass may be NULL for unencrypted keys. */
static inline EVP_PKEY *CKartei_read_pem_key(BIO *in, const char *pass) {
    return PEM_read_bio_PrivateKey(in, NULL, NULL, (void *)pass);
}

#endif
