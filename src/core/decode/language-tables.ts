// Generated from real text (see tests/fixtures/corpus/encodings-more/README.md); do not edit by hand.

/**
 * The 150 most frequent Hangul syllables of Korean prose (Debian's Korean message catalogs). They
 * make up about 80 percent of the syllables of other Korean text (the Debian FAQ), and only a few
 * percent of the "syllables" that Chinese bytes turn into when decoded as EUC-KR.
 */
export const COMMON_HANGUL: ReadonlySet<string> = new Set([..."다이니지을수에습는로를하없시자일스가정어의파음용합서기리사트할인한은션오않터아문있드그위대제만옵보으값상름함실해패치작프데입크모부력바표전식형고나명버소키중된행경도업면디되설요라들못세열출블구적여과성개메변호료령록잘거류비야동번레테목원브미환렉필조화마했타내우코체장태현복유주읽연단무공재너와분안베간"]);

/**
 * The EUC-TW byte pairs (CNS 11643 plane 1) of the common Chinese characters of `COMMON_CHARS`,
 * as 16-bit numbers. There is no EUC-TW TextDecoder, so EUC-TW is recognized by these pairs.
 */
export const COMMON_EUC_TW_PAIRS: ReadonlySet<number> = new Set(
  (
    'cefbc4a1d1d2c4e2c4a7c4a9cabcc7e3c8b4c5ecc4e6c4cbc5e8c4e3c4b8ccafcccfc7e2c4bec4cde7acc5f8c8d4d3d1' +
    'c4c0def3c4b6dab5c6abc9a3c8a1c6edc8dccbdbc7dbd7e4cbe7cca7cbdecdd4c6aac8e7d5a5c4b2c6eec5b2c7f1e0d3' +
    'c9a2c5c9c8a9cfafc7e9c5cadde7c4b5c4d1c4a8c7d1c4bdceced8c4c7efd2e0c5a1c8bac5c0d0a9d3f2c4b4ccf9c6b7' +
    'c5e4c4fcc4d8c7decbe8cac4e3f4c6f1c5c3deb2c7c0c6c0c6dbdca1c5d2d6d6d1c9c6cdd8edcdfcd3ecc6dfe4bbd2de' +
    'daa6c8b9ddb7c8edcbcec4b0cfd0c7d9c5a7dde5d0f9c5fbddd7c5d5c6e1c7fedad9c7d6dfe6c9b3cfeacab0d1a8c8dd' +
    'c7bfc7d7c5b7c4d6d0c2e2afc5e0c7d8c4abc8e9d0b2c6a1d5c9eaabcbb7e0fdcfc7c5dadfe1d0ceedbcd2e6cbb6c6cc' +
    'c6b3c6cbcea4e1a3caa9d5e6ceaadfc8cbf2c5c5d1bdcad5cab8dddac5eef0c2d5f8d9d7d4c6e2d8d4abc4f7c4c5c8cb' +
    'e7dbc6bec4ecc4fac4a4c4acc4a6c5ccccd2c4f4d1d4c8aedba5e6d8ebe6cae5e8bac7f8cbf0eaa7ccb1dddfcac0cacd' +
    'f2aee0ace7f9d3f6cbc6c5c6c7f3dccadbe5c5aacdccd6aad9c7c7bae2f5d2efd5add0eac6bac6a4dfdec7b6eab4dbfb' +
    'd5f9c6fcd0eee8ddcaf5e4e3c8c1c5f2c5fcecc1d3f1dcc9cae4d0fecfe6c7c2e6f9d5fcc5afcdd0c5e2c8fec9bbd8e6' +
    'c6f8c6d2c4efd1abd4e1c8f4c4add4b7dac5c8a2f0ecd7efc6cac6adc9a5e0fbe8eac9e5d6f8d8f5c9c1ddd5d2b3cbf4' +
    'd4b6d4afeba9d9cfd5ebcdf5e4c4d1a5e8d7e1e1e6d3e7b4e0f5d3dbe0d2ebfbe5eee5b5ead8f0d0e2d0eaa1d9f2f5e4' +
    'cbc4caf4dab7f0dddca2e2e4cfdbd9c2e8d2d9aff6b5f3a4e1bff9c3f1a2fcd5c4f9cca5d4dedca8d7c8d9b4cbe4e6f1' +
    'ebebeec0dcd3e6e3dbbeefa2cea9e7d9edb0f0e3eabde1bed3d3ddd4f3dce4c6dedbd9addda8f6f0edbae4ede0c1e6dc' +
    'e1b8e9acfcc8ebfee5dce2e6f7eecaeef4bfddc3deacddb4e7abf3e1e1fef3a2e8b7eba3f8fcc9b1d8bbeeb8dce4eca4' +
    'efdae8b6c5c2ead7f0d2e3d1f8ebddbdd9b6e2e9fcd3f3c0e3bcfccfe6aacbcfeffbeff9fce9f6a3d9dce6dae2fcefa1' +
    'defdced3edb5f7aef8aef2e3'
  )
    .match(/.{4}/g)!
    .map((hex) => parseInt(hex, 16)),
);
