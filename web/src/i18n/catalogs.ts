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

export const EN_CATALOG = { ...en, ...intelEn, ...publicReportEn, ...knowledgeEn, ...exerciseEn, ...reportEn, ...federationEn };
export const ZH_CATALOG: typeof EN_CATALOG = { ...zhCN, ...intelZh, ...publicReportZh, ...knowledgeZh, ...exerciseZh, ...reportZh, ...federationZh };
