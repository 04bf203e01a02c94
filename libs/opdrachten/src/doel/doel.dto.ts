import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { DoelNiveau, DoelThema } from '../shared/enums';
import { Doel } from './doel.entity';

export class CreateDoelRequest {
  @ApiProperty({
    enum: DoelNiveau,
    enumName: 'DoelNiveau',
    description: 'ambitie → doel → resultaat.',
  })
  @IsEnum(DoelNiveau, {
    message: `niveau moet een van ${Object.values(DoelNiveau).join(', ')} zijn`,
  })
  niveau: DoelNiveau;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'Verplicht voor doel (een ambitie) en resultaat (een doel); leeg voor een ambitie.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'parentId moet een uuid zijn' })
  parentId?: string | null;

  @ApiProperty({ example: 'Inwoners vinden steun in hun eigen wijk' })
  @IsString({ message: 'titel moet tekst zijn' })
  @Length(1, 300, { message: 'titel moet 1 tot 300 tekens zijn' })
  titel: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString({ message: 'omschrijving moet tekst zijn' })
  @MaxLength(4000, { message: 'omschrijving is te lang' })
  omschrijving?: string | null;

  @ApiProperty({ enum: DoelThema, enumName: 'DoelThema', isArray: true })
  @IsArray({ message: 'themas moet een lijst zijn' })
  @ArrayUnique({ message: 'themas bevat een thema dubbel' })
  @ArrayMaxSize(7, { message: 'themas bevat te veel thema’s' })
  @IsEnum(DoelThema, {
    each: true,
    message: `themas mag alleen bevatten: ${Object.values(DoelThema).join(', ')}`,
  })
  themas: DoelThema[];
}

export class UpdateDoelRequest {
  @ApiProperty({
    example: 1,
    description: 'De versie die u het laatst las; bij een andere versie volgt 412.',
  })
  @IsInt({ message: 'version moet een geheel getal zijn' })
  @Min(1, { message: 'version moet minstens 1 zijn' })
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'titel moet tekst zijn' })
  @Length(1, 300, { message: 'titel moet 1 tot 300 tekens zijn' })
  titel?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString({ message: 'omschrijving moet tekst zijn' })
  @MaxLength(4000, { message: 'omschrijving is te lang' })
  omschrijving?: string | null;

  @ApiPropertyOptional({ enum: DoelThema, enumName: 'DoelThema', isArray: true })
  @IsOptional()
  @IsArray({ message: 'themas moet een lijst zijn' })
  @ArrayUnique({ message: 'themas bevat een thema dubbel' })
  @IsEnum(DoelThema, {
    each: true,
    message: `themas mag alleen bevatten: ${Object.values(DoelThema).join(', ')}`,
  })
  themas?: DoelThema[];
}

export class DoelResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  hoofdopdrachtId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;

  @ApiProperty({ enum: DoelNiveau, enumName: 'DoelNiveau' })
  niveau: DoelNiveau;

  @ApiProperty()
  titel: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  omschrijving: string | null;

  @ApiProperty({ enum: DoelThema, enumName: 'DoelThema', isArray: true })
  themas: DoelThema[];

  @ApiProperty({ example: 1 })
  version: number;
}

export function toDoelResponse(doel: Doel): DoelResponse {
  return {
    id: doel.id,
    hoofdopdrachtId: doel.hoofdopdrachtId,
    parentId: doel.parentId,
    niveau: doel.niveau,
    titel: doel.titel,
    omschrijving: doel.omschrijving,
    themas: doel.themas as DoelThema[],
    version: doel.version,
  };
}
