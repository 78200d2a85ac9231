// The two UI catalogs: the core catalog plus one file per area under areas/ (each area owns its
// top-level keys, so areas never edit one shared file). Merged once here for i18next and its types.
import en from './en.json';
import zhCN from './zh-CN.json';
import intelEn from './areas/intel.en.json';
import intelZh from './areas/intel.zh-CN.json';
import publicReportEn from './areas/public-report.en.json';
import publicReportZh from './areas/public-report.zh-CN.json';
import knowledgeEn from './areas/knowledge.en.json';
import knowledgeZh from './areas/knowledge.zh-CN.json';
import exerciseEn from './areas/exercise.en.json';
import exerciseZh from './areas/exercise.zh-CN.json';
import reportEn from './areas/report.en.json';
import reportZh from './areas/report.zh-CN.json';
import federationEn from './areas/federation.en.json';
import federationZh from './areas/federation.zh-CN.json';
import layoutEn from './areas/layout.en.json';
import layoutZh from './areas/layout.zh-CN.json';
import recordsEn from './areas/records.en.json';
import recordsZh from './areas/records.zh-CN.json';
import languageEn from './areas/language.en.json';
import languageZh from './areas/language.zh-CN.json';
import requestAnswerEn from './areas/request-answer.en.json';
import requestAnswerZh from './areas/request-answer.zh-CN.json';
import pagingEn from './areas/paging.en.json';
import pagingZh from './areas/paging.zh-CN.json';
import passkeyEn from './areas/passkey.en.json';
import passkeyZh from './areas/passkey.zh-CN.json';
import ssoEn from './areas/sso.en.json';
import ssoZh from './areas/sso.zh-CN.json';
import groupsEn from './areas/groups.en.json';
import groupsZh from './areas/groups.zh-CN.json';
import peersEn from './areas/peers.en.json';
import peersZh from './areas/peers.zh-CN.json';

export const EN_CATALOG = {
  ...en,
  ...intelEn,
  ...publicReportEn,
  ...knowledgeEn,
  ...exerciseEn,
  ...reportEn,
  ...federationEn,
  ...layoutEn,
  ...recordsEn,
  ...languageEn,
  ...requestAnswerEn,
  ...pagingEn,
  ...passkeyEn,
  ...ssoEn,
  ...groupsEn,
  ...peersEn,
};
export const ZH_CATALOG: typeof EN_CATALOG = {
  ...zhCN,
  ...intelZh,
  ...publicReportZh,
  ...knowledgeZh,
  ...exerciseZh,
  ...reportZh,
  ...federationZh,
  ...layoutZh,
  ...recordsZh,
  ...languageZh,
  ...requestAnswerZh,
  ...pagingZh,
  ...passkeyZh,
  ...ssoZh,
  ...groupsZh,
  ...peersZh,
};
