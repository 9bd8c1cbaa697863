export enum PlatformKind {
  /** 中小企业公共服务示范平台 */
  PUBLIC_SERVICE_DEMONSTRATION_PLATFORM = 'PUBLIC_SERVICE_DEMONSTRATION_PLATFORM',
  /** A development zone supported as a carrier of SRDI growth. */
  DEVELOPMENT_ZONE = 'DEVELOPMENT_ZONE',
}

export enum PlatformLevel {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
}
