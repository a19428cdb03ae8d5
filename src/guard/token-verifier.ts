import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { config } from '../config';

/**
 * Verifies Cognito ID tokens: signature against the pool's JWKS, issuer,
 * audience (the app client), `token_use: id` and expiry. Only RS256 keys of
 * the configured pool are ever used; `alg: none` and foreign keys fail here.
 */
export interface TokenVerifier {
  verify(token: string): Promise<JwtPayload>;
}

function localVerifier(cognitoEndpoint: string, userPoolId: string, clientId: string): TokenVerifier {
  const issuer = `${cognitoEndpoint.replace(/\/+$/, '')}/${userPoolId}`;
  // cognito-local serves its JWKS over plain http, which the library's default fetcher refuses.
  const jwksCache = new SimpleJwksCache({
    fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() },
  });
  const verifier = JwtRsaVerifier.create(
    {
      issuer,
      audience: clientId,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      customJwtCheck: ({ payload }) => {
        if (payload['token_use'] !== 'id') throw new Error('token_use must be id');
      },
    },
    { jwksCache },
  );
  return { verify: (token) => verifier.verify(token) };
}

function cognitoVerifier(userPoolId: string, clientId: string): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'id' });
  return { verify: (token) => verifier.verify(token) };
}

let instance: TokenVerifier | undefined;

export function tokenVerifier(): TokenVerifier {
  if (!instance) {
    const { endpoints, userPoolId, userPoolClientId } = config();
    instance = endpoints.cognito
      ? localVerifier(endpoints.cognito, userPoolId, userPoolClientId)
      : cognitoVerifier(userPoolId, userPoolClientId);
  }
  return instance;
}
