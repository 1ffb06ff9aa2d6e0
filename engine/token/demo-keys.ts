/**
 * Demo signing keys, like the demo key AM ships for client-side tokens. They make signed output
 * reproducible; they protect nothing and must never sign a real token.
 */
export const DEMO_HMAC_SECRET = "playground-demo-hmac-secret-not-for-production-use!";

export const DEMO_RSA_PRIVATE_JWK = {
  "kty": "RSA",
  "n": "rWrX9u6xgzILcAOjczOl6XfSN0MkRFZxgp6Eki7h3HeGudYoNXC707Z68DegLIRk4GsqvbxeFlCsJGabWMNgj8xP1_avzkKS-EEsF4MJop2aktLNGBv_6g7wDnLYtWtDcN4LkEaU2yUdtAHHj8TY_k8OhH60gedCoQ_h0H8JIUHFKn9Zbo6rrsDb0v0KJWwM56jsY5l7ShyxuFuVJgXoKUD5M08b0yUXLfRF8M-6L9Y-87RRXWT82U2-ighXZctJXjd21ld7fp3oGrOD48r2mVUu0O_TV7103g3zDRt7-45jQPMP-Yprn59J6Zac_a48NwDP4BA5DiJsYSmpw2zsAQ",
  "e": "AQAB",
  "d": "LtcEhSx8ouCSCUvaSqQBJLnZ_FY0xgaJO0wgp7FlDRz1tV08WA7elLUdqKOFrnCGJL2dekkWKrXYgS57uDJxcvWu_TiizLXbp5VG2QTqRdOG7DBm-COb8HbfbS-lC_9wZFx9SBdgXn68cqHmapUzPSFSXQQyMkIqE4HMLvoZF7OPjN1H5miTlCmpFHBDUaNBsP3hOfUlfM7SBKqrHt16IhY9WiWT1PXgrqkn7usWq5fG9VbIJSEZiQxnMy6fWpLIn5radPg7z139nU696W477F_8adquG2WJGqauH5ZjQAOIpHAO8dGc2b9HSmtQZpwOdWSxao-fLrXxogdZUQoqjw",
  "p": "36p8ComToaK8j28faFmIt9WR8PonrG8dosJDRMvhpQjdAhoN4b0zmYBB-d31UN4Zx0w4YVzXv1oIg9U7gDOYKgCK1yRFH71_kBo0fvMj5sQPD-VwsiwZVP61W_H836kY74hFudrfP7mdQyNvMs1CWNm0ZV0nIKPs_UJcdp1EThM",
  "q": "xny9Xaop7sDrTBeaNqQsk-0nFRlOENxlCkTAWf2XIIhJpwRFeMkPXhI1xwz1pj7KqxvI00KW0abIGZ2n_aP_5SSv2u1viIq476WNuzPp2YbKJ7cT2cNTA5qJ6pWR0VOyzDyeZD5nn7-ufjwl-KCCm2bp39h10nMsYhGXOss6kBs",
  "dp": "1KK-tEHhAXy2KOKrCEh-as72pRMdXphwo0huLVxrE7veaN4eLmryQE-n6YVzcEMGXOuAekeKsNdGWxcALzxdwCit1iUcNjWwrW3MVJiQnBXuf91QC4NTPfO8tUHUd0nKdAaoyy1iqrGq6aYpVDHBjrjCAM_Tn_tYFdneD8IpqtM",
  "dq": "D2aMVuEmIcVMPHo0V_sDDnM_Lg7plLtVB6fv-MuJV1fbxx64uTd4fscQ7yHdSYnjtcURHvsyso-rRPmLmE2KRGBFWMpFdiW1VbrVtWnAwkUIGG7HFoVmQohSHSZ_yusgm2I0s_h3l9iKlHbcR19E4wPoL5sfATY4gl91CXXNVHM",
  "qi": "iWWTYxXZf5xmsJwZ6ebAGqWApiuFy-okkeih8e2iY49ToaoDNxNM7-GYG4_Yq5jfsJRVHKO3Geb8XVuqorhaTCcf9Za7nm8jintBNUPOhgRfZU9uYevklkMKlX6F6jYjbiJ6d2cABiEgwlBtqnJzoqKE2USTiUFg-9YXLCMir_c",
  "kid": "playground-demo-rsa",
  "alg": "RS256"
} as const;

export const DEMO_EC_PRIVATE_JWK = {
  "kty": "EC",
  "x": "R0AYIdIUAjLlIBSKlX6dtViyTI6kr1oozq7-itLZZ38",
  "y": "YO2ePPnz7lNgo8_zsVtHk0clyK6YmkeAxX_sput1daI",
  "crv": "P-256",
  "d": "vVovBTvGKFgWMcX5JqCxZH8Uo4hnp364djOXP2IWyGg",
  "kid": "playground-demo-es256",
  "alg": "ES256"
} as const;
